import { useState } from 'react'
import { LazyDialogBoundary } from '../../components/lazy-boundary.tsx'
import { lazyComponent } from '../../lib/lazy.ts'
import { useI18n } from '../../lib/use-i18n.tsx'

// The confirmation and its request code load on first use: most sessions never open it, and the
// list page's first load stays inside its budget.
const signOutEverywhereDialog = lazyComponent(() =>
  import('./sign-out-everywhere-dialog.tsx').then((module) => module.SignOutEverywhereDialog),
)
const SignOutEverywhereDialog = signOutEverywhereDialog.Component

/** GET /auth/logout ends every session of this user, on every device: asked for explicitly, confirmed. */
export function SignOutEverywhere() {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  return (
    <>
      <button
        type="button"
        className="button quiet"
        onClick={() => setOpen(true)}
        onPointerEnter={signOutEverywhereDialog.preload}
        onFocus={signOutEverywhereDialog.preload}
      >
        {t('Sign out everywhere')}
      </button>
      {open ? (
        <LazyDialogBoundary title={t('Sign out everywhere?')} onClose={close}>
          <SignOutEverywhereDialog onClose={close} />
        </LazyDialogBoundary>
      ) : null}
    </>
  )
}
