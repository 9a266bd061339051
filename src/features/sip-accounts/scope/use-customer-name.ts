import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useMemo } from 'react'
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

/** The list page's customer names, and whether some are still being looked up. */
export interface ListedCustomerNames {
  names: CustomerNames
  /** The page's names are being fetched: a cell without one waits instead of showing the id. */
  pending: boolean
}

const NO_NAMES: ListedCustomerNames = { names: new Map(), pending: false }

/** The names of the list page's customers, resolved once for the page (useCustomerNames). */
export const CustomerNamesContext = createContext<ListedCustomerNames>(NO_NAMES)

/** Distinct, lowercased and sorted, without one's own (the session names it): the same page in any order is the same query. */
function distinctIds(customers: readonly (string | null | undefined)[], own: string | null): string[] {
  const ids = new Set(customers.filter((id): id is string => Boolean(id) && !sameId(id, own)).map((id) => id.toLowerCase()))
  return [...ids].sort()
}

/**
 * Names for the customers of one list page, in one query: one GET /customer?customerIds=… for
 * the ids not cached yet (never one request per row). The user's own customer is named by the
 * session.
 */
export function useCustomerNames(customers: readonly (string | null | undefined)[]): CustomerNames {
  return useListedCustomerNames(customers).names
}

/**
 * useCustomerNames, and whether the names are still on their way. Called once by the list; the
 * cells read the result through CustomerNamesContext.
 */
export function useListedCustomerNames(customers: readonly (string | null | undefined)[]): ListedCustomerNames {
  const session = useSession()
  const api = useCustomerApi()
  const { scope } = useSipAccess()
  const key = distinctIds(customers, session.customer).join(',')
  const ids = useMemo(() => (key ? key.split(',') : []), [key])
  const names = useQuery({
    ...customerQueries.names(api, ids, session.accessLevel === 'ADMIN'),
    enabled: scope && ids.length > 0,
  })
  const { data, isFetching } = names
  return useMemo(() => (data || isFetching ? { names: data ?? NO_NAMES.names, pending: isFetching } : NO_NAMES), [data, isFetching])
}

/**
 * Fetches the names of a page about to be shown (the prefetched next page), so its Customer cells
 * show names at once, not ids for a moment. Same query and cache as useCustomerNames.
 */
export function usePrefetchCustomerNames(): (customers: readonly (string | null | undefined)[]) => void {
  const session = useSession()
  const api = useCustomerApi()
  const { scope } = useSipAccess()
  const queryClient = useQueryClient()
  return useCallback(
    (customers) => {
      const ids = distinctIds(customers, session.customer)
      if (scope && ids.length > 0) void queryClient.prefetchQuery(customerQueries.names(api, ids, session.accessLevel === 'ADMIN'))
    },
    [api, queryClient, scope, session.customer, session.accessLevel],
  )
}

/** A name from the page's bulk answer (or the session for one's own customer); never fetches. */
export function useListedCustomerName(customer: string | null | undefined): string | undefined {
  const session = useSession()
  const { names } = useContext(CustomerNamesContext)
  if (!customer) return undefined
  if (sameId(customer, session.customer)) return session.customerName ?? undefined
  return names.get(customer.toLowerCase())
}

/** Whether the page's customer names are still on their way (the cells wait rather than show ids). */
export function useCustomerNamesPending(): boolean {
  return useContext(CustomerNamesContext).pending
}
