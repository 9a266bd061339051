import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent } from 'react'
import { validateToken } from './auth-api.ts'
import { signInErrorMessage } from './sign-in-messages.ts'
import { sessionFromValidation } from './session-store.ts'
import { useSessionContext } from './session-provider.tsx'

class RejectedToken extends Error {}

/** Signs in with a machine-to-machine token pasted by the user; it is checked with validateToken. */
export function TokenSignIn() {
  const { signIn } = useSessionContext()
  const hintId = useId()
  const mutation = useMutation({
    mutationFn: async (token: string) => {
      const response = await validateToken(token)
      if (!response.success) throw new RejectedToken()
      return sessionFromValidation(token, response)
    },
    onSuccess: signIn,
  })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim()
    if (token) mutation.mutate(token)
  }

  const error =
    mutation.error instanceof RejectedToken
      ? 'That API token is not valid or has expired.'
      : mutation.isError
        ? signInErrorMessage(mutation.error, 'token')
        : null

  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>API token</span>
        <input name="token" type="password" autoComplete="off" spellCheck={false} required autoFocus aria-describedby={hintId} />
      </label>
      <p id={hintId} className="hint">
        A machine-to-machine token created for your user. It is kept only for this browser tab.
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Checking…' : 'Sign in with token'}
        </button>
      </div>
    </form>
  )
}
