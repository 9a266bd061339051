import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Modal } from '../../components/modal.tsx'
import { logoutEverywhere } from './auth-api.ts'
import { signInErrorMessage } from './sign-in-messages.ts'
import { useSession, useSessionContext } from './session-provider.tsx'

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
              {signInErrorMessage(mutation.error, 'password')}
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
