import { useMutation } from '@tanstack/react-query'
import { useId } from 'react'
import { Dialog } from '../../components/dialog.tsx'
import { isApiError } from '../../api/api-error.ts'
import { useSession } from '../../app/session-context.tsx'
import { useI18n } from '../../lib/use-i18n.tsx'
import { logoutEverywhere } from './auth-api.ts'
import { signOutErrorMessage } from './sign-in-messages.ts'
import { useSessionContext } from './session-provider.tsx'

/** The confirmation of "Sign out everywhere"; loaded on first use (sign-out-everywhere.tsx). */
export function SignOutEverywhereDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const session = useSession()
  const { signOut } = useSessionContext()
  const textId = useId()
  const mutation = useMutation({
    mutationFn: () => logoutEverywhere(session.token),
    onSuccess: () => signOut('everywhere'),
    // A 401 means the token had already ended (e.g. signed out everywhere from another device): end
    // the local session too, like any other 401, instead of a dialog that can never succeed.
    onError: (error) => {
      if (isApiError(error) && error.isUnauthorized) signOut('expired')
    },
  })

  return (
    <Dialog
      title={t('Sign out everywhere?')}
      describedBy={textId}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
            {mutation.isPending ? t('Signing out…') : t('Sign out on all devices')}
          </button>
          {/* The safe choice has the focus: Enter alone must not end every session. */}
          <button type="button" className="button" onClick={onClose} data-autofocus="">
            {t('Cancel')}
          </button>
        </>
      }
    >
      <p id={textId}>{t('This ends your sessions on all devices, including this one. Everyone signed in as you must sign in again.')}</p>
      {mutation.isError ? (
        <p role="alert" className="form-error">
          {signOutErrorMessage(mutation.error, t)}
        </p>
      ) : null}
    </Dialog>
  )
}
