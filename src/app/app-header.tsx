import { useSessionContext } from '../features/auth/session-provider.tsx'
import { SignOutEverywhere } from '../features/auth/sign-out-everywhere.tsx'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { ThemeToggle } from '../components/theme-toggle.tsx'
import { accessLevelName } from '../lib/access-level-names.ts'
import { useI18n } from '../lib/use-i18n.tsx'
import { useSession } from './session-context.tsx'
import './app-header.css'

/** Who is signed in (name, customer, access level), the theme, and the two ways to sign out. */
export function AppHeader() {
  const { t } = useI18n()
  const session = useSession()
  const { signOut } = useSessionContext()
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('Skip to content')}
      </a>
      <p className="brand">Telecom X</p>
      <div className="who">
        <span className="who-name">{session.name ?? t('Signed in')}</span>
        {session.customerName ? <span className="who-customer">{session.customerName}</span> : null}
        <span className="badge badge-neutral" title={session.accessLevel}>
          {t(accessLevelName(session.accessLevel))}
        </span>
      </div>
      <div className="header-actions">
        <LanguageSwitch />
        <ThemeToggle />
        <button type="button" className="button" onClick={() => signOut()}>
          {t('Sign out')}
        </button>
        <SignOutEverywhere />
      </div>
    </header>
  )
}
