import { useMutation } from '@tanstack/react-query'
import { useId, type FormEvent } from 'react'
import { useI18n } from '../../lib/use-i18n.tsx'
import { validateToken } from './auth-api.ts'
import { signInErrorMessage } from './sign-in-messages.ts'
import { sessionFromValidation } from './session-store.ts'
import { useSessionContext } from './session-provider.tsx'

class RejectedToken extends Error {}

/** Signs in with a machine-to-machine token pasted by the user; it is checked with validateToken. */
export function TokenSignIn() {
  const { t } = useI18n()
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
      ? t('That API token is not valid or has expired.')
      : mutation.isError
        ? signInErrorMessage(mutation.error, 'token', t)
        : null

  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate>
      <label className="field">
        <span>{t('API token')}</span>
        <input name="token" type="password" autoComplete="off" spellCheck={false} required autoFocus aria-describedby={hintId} />
      </label>
      <p id={hintId} className="hint">
        {t('A machine-to-machine token created for your user. It is kept only for this browser tab.')}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('Checking…') : t('Sign in with token')}
        </button>
      </div>
    </form>
  )
}
