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
