import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Modal } from '../../components/modal.tsx'
import { logoutEverywhere } from './auth-api.ts'
import { isApiError } from '../../api/api-error.ts'
import { signOutErrorMessage } from './sign-in-messages.ts'
import { useSession } from '../../app/session-context.tsx'
import { useSessionContext } from './session-provider.tsx'

/** GET /auth/logout ends every session of this user, on every device: asked for explicitly, confirmed. */
export function SignOutEverywhere() {
  const session = useSession()
  const { signOut } = useSessionContext()
  const [open, setOpen] = useState(false)
  const titleId = useId()
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
    <>
      <button type="button" className="button quiet" onClick={() => setOpen(true)}>
        Sign out everywhere
      </button>
      {open ? (
        <Modal variant="dialog" labelledBy={titleId} describedBy={textId} onClose={() => setOpen(false)}>
          <h2 id={titleId}>Sign out everywhere?</h2>
          <p id={textId}>This ends your sessions on all devices, including this one. Everyone signed in as you must sign in again.</p>
          {mutation.isError ? (
            <p role="alert" className="form-error">
              {signOutErrorMessage(mutation.error)}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              {mutation.isPending ? 'Signing out…' : 'Sign out on all devices'}
            </button>
            {/* The safe choice has the focus: Enter alone must not end every session. */}
            <button type="button" className="button" onClick={() => setOpen(false)} data-autofocus="">
              Cancel
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  )
}
