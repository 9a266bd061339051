import { useState } from 'react'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { useI18n } from '../../lib/use-i18n.tsx'
import { PasswordSignIn } from './password-sign-in.tsx'
import { TokenSignIn } from './token-sign-in.tsx'
import { REASON_MESSAGES } from './sign-in-messages.ts'
import type { SignedOutReason } from './session-store.ts'
import './sign-in-page.css'

/**
 * Loaded lazily: a signed-in user (the usual case after a reload) never downloads it. The language
 * switch is here too, so whoever gets the wrong language from the browser can change it first.
 */
export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const { t } = useI18n()
  const [method, setMethod] = useState<'password' | 'token'>('password')
  const notice = REASON_MESSAGES[reason]
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <p className="brand" aria-hidden="true">
            Telecom X
          </p>
          <LanguageSwitch />
        </div>
        <h1>{t('Sign in')}</h1>
        <p className="hint">{t('SIP accounts dashboard')}</p>
        {notice ? (
          <p className="notice" role="status">
            {t(notice)}
          </p>
        ) : null}
        {method === 'password' ? <PasswordSignIn /> : <TokenSignIn />}
        <button type="button" className="link-button" onClick={() => setMethod(method === 'password' ? 'token' : 'password')}>
          {method === 'password' ? t('Sign in with API token') : t('Sign in with email and password')}
        </button>
      </div>
    </main>
  )
}
