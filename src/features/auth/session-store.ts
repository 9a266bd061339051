import { isApiError } from '../../api/api-error.ts'
import type { LoginResponse, ValidateTokenResponse } from '../../api/auth.ts'
import { validateToken } from './auth-api.ts'

import type { Session } from '../../api/session.ts'

// The type lives beside the contract so features read it without importing this feature.
export type { Session }

export type SignedOutReason = 'initial' | 'signed-out' | 'expired' | 'everywhere'

export interface SignedIn {
  session: Session
  generation: number
}

export type SessionState =
  | { status: 'resuming' }
  /** `error` is shown in the page's language at render (src/lib/error-text.ts). */
  | { status: 'resume-failed'; error: unknown }
  /** After an expiry, `previous` is the session that ended: its page stays, hidden, until sign-in. */
  | { status: 'signed-out'; reason: SignedOutReason; previous?: SignedIn }
  /** `generation` changes with every sign-in, so everything below it remounts for a new session. */
  | { status: 'signed-in'; session: Session; generation: number }

/** Only the token is kept, in sessionStorage: gone with the tab, never in localStorage or a URL. */
export const TOKEN_KEY = 'telecomx.token'

export interface SessionStore {
  getState: () => SessionState
  subscribe: (listener: () => void) => () => void
  /** Resumes a stored token after a reload (validateToken). Safe to call more than once. */
  resume: () => Promise<void>
  signIn: (session: Session) => void
  signOut: (reason: SignedOutReason) => void
}

export function sessionFromLogin(response: LoginResponse): Session {
  return {
    token: response.token,
    employee: response.employee,
    customer: response.customer,
    accessLevel: response.accessLevel,
    name: response.name ?? null,
    customerName: response.customerName ?? null,
    language: response.language ?? null,
  }
}

/** A validated token; a missing access level means the least access, never more. */
export function sessionFromValidation(token: string, response: ValidateTokenResponse): Session {
  return {
    token,
    employee: response.employee ?? null,
    customer: response.customer ?? null,
    accessLevel: response.accessLevel ?? 'NO_LOGIN',
    name: response.name ?? null,
    customerName: response.customerName ?? null,
    language: response.language ?? null,
  }
}

function readToken(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(TOKEN_KEY) ?? null
  } catch {
    return null
  }
}

function writeToken(storage: Storage | undefined, token: string | null): void {
  try {
    if (token) storage?.setItem(TOKEN_KEY, token)
    else storage?.removeItem(TOKEN_KEY)
  } catch {
    // Storage can be disabled (private mode, policies): the session then lives in memory only.
  }
}

export interface SessionStoreOptions {
  /**
   * Called with the stored token at the moment a resume sends validateToken, so the first page's
   * request can start beside it instead of after it (no waterfall). Whatever it starts must not be
   * parsed or shown before the session is known; the returned function discards it when the token
   * turns out not to be valid. The app shell supplies it: auth knows nothing about what is warmed.
   */
  warmUp?: (token: string) => () => void
}

export function createSessionStore(
  storage: Storage | undefined = globalThis.sessionStorage,
  { warmUp }: SessionStoreOptions = {},
): SessionStore {
  const listeners = new Set<() => void>()
  let generation = 0
  let resuming: Promise<void> | undefined
  let state: SessionState = readToken(storage) ? { status: 'resuming' } : { status: 'signed-out', reason: 'initial' }

  const set = (next: SessionState) => {
    state = next
    for (const listener of listeners) listener()
  }

  const signIn = (session: Session) => {
    writeToken(storage, session.token)
    generation += 1
    set({ status: 'signed-in', session, generation })
  }

  const signOut = (reason: SignedOutReason) => {
    writeToken(storage, null)
    if (state.status === 'signed-out' && state.reason === reason) return
    const previous =
      reason === 'expired' && state.status === 'signed-in' ? { session: state.session, generation: state.generation } : undefined
    set(previous ? { status: 'signed-out', reason, previous } : { status: 'signed-out', reason })
  }

  const resume = () => {
    resuming ??= (async () => {
      const token = readToken(storage)
      if (!token) return signOut('initial')
      set({ status: 'resuming' })
      const discard = warmUp?.(token)
      try {
        const response = await validateToken(token)
        if (!response.success) {
          discard?.()
          return signOut('expired')
        }
        signIn(sessionFromValidation(token, response))
      } catch (error) {
        discard?.()
        if (isApiError(error) && (error.isUnauthorized || error.status === 403)) return signOut('expired')
        set({ status: 'resume-failed', error })
      }
    })().finally(() => {
      resuming = undefined
    })
    return resuming
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    resume,
    signIn,
    signOut,
  }
}
