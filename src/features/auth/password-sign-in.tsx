import { useMutation } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent } from 'react'
import { isApiError } from '../../api/api-error.ts'
import { secondFactorOf, type LoginRequest, type SecondFactor } from '../../api/auth.ts'
import { useI18n } from '../../lib/use-i18n.tsx'
import { login } from './auth-api.ts'
import { FACTOR_PROMPTS, signInErrorMessage } from './sign-in-messages.ts'
import { sessionFromLogin } from './session-store.ts'
import { useSessionContext } from './session-provider.tsx'

interface Attempt {
  request: LoginRequest
  step: 'password' | 'code'
}

/** Email + password, then, if the API asks for it, an SMS or authenticator code. */
export function PasswordSignIn() {
  const { t } = useI18n()
  const { signIn } = useSessionContext()
  const [factor, setFactor] = useState<SecondFactor | null>(null)
  // The credentials live only here, only until the code step is done: never stored anywhere.
  const credentials = useRef<{ username: string; password: string } | null>(null)
  const codeHintId = useId()

  const mutation = useMutation({
    mutationFn: ({ request }: Attempt) => login(request),
    onSuccess: (response) => {
      credentials.current = null
      signIn(sessionFromLogin(response))
    },
    onError: (error, { step }) => {
      if (step !== 'password' || !isApiError(error) || error.status !== 401) return
      const needed = secondFactorOf(error.code, error.message)
      if (needed) setFactor(needed)
    },
  })

  const onPasswordSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const username = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!username || !password) return
    credentials.current = { username, password }
    mutation.mutate({ request: { username, password }, step: 'password' })
  }

  const onCodeSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim()
    if (!code || !credentials.current || !factor) return
    mutation.mutate({ request: { ...credentials.current, [factor]: code }, step: 'code' })
  }

  const back = () => {
    credentials.current = null
    setFactor(null)
    mutation.reset()
  }

  // A request for a second factor is the next step, not an error to show.
  const askedForCode = factor !== null && mutation.variables?.step === 'password'
  const error = mutation.isError && !askedForCode ? signInErrorMessage(mutation.error, factor ? 'code' : 'password', t) : null
  const alert = error ? (
    <p role="alert" className="form-error">
      {error}
    </p>
  ) : null

  if (factor) {
    return (
      // Keyed: without it React would reuse the password <input> as the code field, value and all.
      <form key="code" className="sign-in-form" onSubmit={onCodeSubmit} noValidate>
        <p id={codeHintId}>{t(FACTOR_PROMPTS[factor])}</p>
        <label className="field">
          <span>{t('Code')}</span>
          <input name="code" inputMode="numeric" autoComplete="one-time-code" required autoFocus aria-describedby={codeHintId} />
        </label>
        {alert}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('Signing in…') : t('Sign in')}
          </button>
          <button type="button" className="button" onClick={back}>
            {t('Back')}
          </button>
        </div>
      </form>
    )
  }

  return (
    <form key="password" className="sign-in-form" onSubmit={onPasswordSubmit} noValidate>
      <label className="field">
        <span>{t('Email')}</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="field">
        <span>{t('Password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {alert}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('Signing in…') : t('Sign in')}
        </button>
      </div>
    </form>
  )
}
