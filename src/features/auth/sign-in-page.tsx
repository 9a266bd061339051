import { useState } from 'react'
import { PasswordSignIn } from './password-sign-in.tsx'
import { TokenSignIn } from './token-sign-in.tsx'
import { REASON_MESSAGES } from './sign-in-messages.ts'
import type { SignedOutReason } from './session-store.ts'
import './sign-in-page.css'

/** Loaded lazily: a signed-in user (the usual case after a reload) never downloads it. */
export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const [method, setMethod] = useState<'password' | 'token'>('password')
  const notice = REASON_MESSAGES[reason]
  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <p className="brand" aria-hidden="true">
          Telecom X
        </p>
        <h1>Sign in</h1>
        <p className="hint">SIP accounts dashboard</p>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        {method === 'password' ? <PasswordSignIn /> : <TokenSignIn />}
        <button type="button" className="link-button" onClick={() => setMethod(method === 'password' ? 'token' : 'password')}>
          {method === 'password' ? 'Sign in with API token' : 'Sign in with email and password'}
        </button>
      </div>
    </main>
  )
}
