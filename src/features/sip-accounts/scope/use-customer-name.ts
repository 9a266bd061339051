import { useQuery } from '@tanstack/react-query'
import { createContext, useContext, useMemo } from 'react'
import { sameId } from '../../../api/ids.ts'
import { useCustomerApi, useSession, useSipAccess } from '../../../app/session-context.tsx'
import { customerQueries, type CustomerNames } from './customer-queries.ts'

/**
 * A customer's name: the user's own from the session; another (scope roles only) looked up once
 * per customer and cached (a list page seeds the cache in bulk: useCustomerNames).
 */
export function useCustomerName(customer: string | null | undefined): string | undefined {
  const session = useSession()
  const api = useCustomerApi()
  const { scope } = useSipAccess()
  const own = sameId(customer, session.customer)
  const lookup = useQuery({
    ...customerQueries.name(api, customer ?? ''),
    enabled: Boolean(customer) && !own && scope,
  })
  if (own) return session.customerName ?? undefined
  return lookup.data?.name ?? undefined
}

const NO_NAMES: CustomerNames = new Map()

/** The names of the list page's customers, resolved once for the page (useCustomerNames). */
export const CustomerNamesContext = createContext<CustomerNames>(NO_NAMES)

/**
 * Names for the customers of one list page, in one query: one GET /customer?customerIds=… for
 * the ids not cached yet (never one request per row). Called once by the list; the cells read
 * the result through CustomerNamesContext. The user's own customer is named by the session.
 */
export function useCustomerNames(customers: readonly (string | null | undefined)[]): CustomerNames {
  const session = useSession()
  const api = useCustomerApi()
  const { scope } = useSipAccess()
  // Distinct, lowercased and sorted: the same page (in any order) is the same query.
  const key = [
    ...new Set(customers.filter((id): id is string => Boolean(id) && !sameId(id, session.customer)).map((id) => id.toLowerCase())),
  ]
    .sort()
    .join(',')
  const ids = useMemo(() => (key ? key.split(',') : []), [key])
  const names = useQuery({
    ...customerQueries.names(api, ids, session.accessLevel === 'ADMIN'),
    enabled: scope && ids.length > 0,
  })
  return names.data ?? NO_NAMES
}

/** A name from the page's bulk answer (or the session for one's own customer); never fetches. */
export function useListedCustomerName(customer: string | null | undefined): string | undefined {
  const session = useSession()
  const names = useContext(CustomerNamesContext)
  if (!customer) return undefined
  if (sameId(customer, session.customer)) return session.customerName ?? undefined
  return names.get(customer.toLowerCase())
}
