import { useQueryClient } from '@tanstack/react-query'
import { createContext, use, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { isApiError } from '../../api/api-error.ts'
import type { Session, SessionState, SessionStore, SignedOutReason } from './session-store.ts'

interface SessionContextValue {
  state: SessionState
  signIn: (session: Session) => void
  signOut: (reason?: SignedOutReason) => void
  resume: () => void
}

const SessionContext = createContext<SessionContextValue | null>(null)

/**
 * Owns the session and keeps the query cache in step with it: the cache is emptied whenever the
 * user changes or the session ends, so nobody ever sees another user's rows; a 401 from any query
 * ends the session (the sign-in then returns to the same URL, which was never changed).
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const queryClient = useQueryClient()
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState)

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      signIn: (session) => {
        // Before the new session renders: no frame can show cached rows of the previous user.
        queryClient.clear()
        store.signIn(session)
      },
      signOut: (reason = 'signed-out') => {
        store.signOut(reason)
        queryClient.clear()
      },
      resume: () => void store.resume(),
    }),
    [state, store, queryClient],
  )

  useEffect(() => {
    if (store.getState().status === 'resuming') void store.resume()
  }, [store])

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return
        const error = event.action.error
        if (isApiError(error) && error.isUnauthorized && store.getState().status === 'signed-in') {
          store.signOut('expired')
          queryClient.clear()
        }
      }),
    [queryClient, store],
  )

  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSessionContext(): SessionContextValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSessionContext needs a SessionProvider')
  return value
}

interface ScopedSession {
  session: Session
  /** False while the session has expired and its page waits, hidden, for the next sign-in. */
  live: boolean
}

const ScopedSessionContext = createContext<ScopedSession | null>(null)

/** Provides the session a page was rendered for (which may outlive it briefly, hidden, after expiry). */
export function SessionScope({ session, live, children }: ScopedSession & { children: ReactNode }) {
  const value = useMemo(() => ({ session, live }), [session, live])
  return <ScopedSessionContext value={value}>{children}</ScopedSessionContext>
}

function useScopedSession(): ScopedSession {
  const value = use(ScopedSessionContext)
  if (!value) throw new Error('useSession needs a SessionScope')
  return value
}

/** The session of the page being rendered; only for components under a SessionScope. */
export function useSession(): Session {
  return useScopedSession().session
}

/** False once the session has ended: nothing may be fetched or revealed any more. */
export function useSessionLive(): boolean {
  return useScopedSession().live
}
