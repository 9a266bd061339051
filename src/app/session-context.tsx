import { createContext, use, useMemo, type ReactNode } from 'react'
import { sipAccessFor, type SipAccess } from '../api/access-level.ts'
import type { Session } from '../api/session.ts'
import { createCustomerApi, type CustomerApi } from '../features/sip-accounts/scope/customer-api.ts'
import { createSipAccountApi, type SipAccountApi } from '../features/sip-accounts/sip-account-api.ts'

/*
 * What a signed-in page needs, provided once by the shell instead of being threaded through
 * props: the session, what its access level may see, and the API clients bound to its token.
 * Features read it through the hooks below and never import the auth feature (lint enforces it).
 */
interface SignedInContext {
  session: Session
  /** False while the session has expired and its page waits, hidden, for the next sign-in. */
  live: boolean
  access: SipAccess
  sipAccountApi: SipAccountApi
  customerApi: CustomerApi
}

const Context = createContext<SignedInContext | null>(null)

/**
 * Provides the session a page was rendered for (which may outlive it briefly, hidden, after
 * expiry). The API clients are made once per session, so effects and callbacks that depend on
 * them stay put while the session lasts.
 */
export function SessionScope({ session, live, children }: { session: Session; live: boolean; children: ReactNode }) {
  const clients = useMemo(
    () => ({
      access: sipAccessFor(session.accessLevel),
      sipAccountApi: createSipAccountApi(session),
      customerApi: createCustomerApi(session),
    }),
    [session],
  )
  const value = useMemo(() => ({ session, live, ...clients }), [session, live, clients])
  return <Context value={value}>{children}</Context>
}

function useSignedIn(): SignedInContext {
  const value = use(Context)
  if (!value) throw new Error('Session hooks need a SessionScope (the signed-in app shell)')
  return value
}

/** The session of the page being rendered. */
export function useSession(): Session {
  return useSignedIn().session
}

/** False once the session has ended: nothing may be fetched or revealed any more. */
export function useSessionLive(): boolean {
  return useSignedIn().live
}

/** What the session's access level may see of SIP accounts (the one role rule, sipAccessFor). */
export function useSipAccess(): SipAccess {
  return useSignedIn().access
}

/** GET /sip and GET /sip/:id with this session's token, redacted for its access level. */
export function useSipAccountApi(): SipAccountApi {
  return useSignedIn().sipAccountApi
}

/** The scope pickers' customer endpoints with this session's token. */
export function useCustomerApi(): CustomerApi {
  return useSignedIn().customerApi
}
