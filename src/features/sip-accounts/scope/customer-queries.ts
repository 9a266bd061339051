import { infiniteQueryOptions, keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { NAMES_PER_REQUEST, type BrowseRequest, type CustomerApi } from './customer-api.ts'

/** Names are renamed rarely: minutes of caching keep a page change free of customer requests. */
const NAME_STALE_MS = 5 * 60_000

export const customerQueries = {
  all: () => ['customers'] as const,
  /** The pickers' listing, 20 per page; the next page starts where the loaded ones end. */
  browse: (api: CustomerApi, request: Omit<BrowseRequest, 'offset'>) =>
    infiniteQueryOptions({
      queryKey: [...customerQueries.all(), 'browse', request],
      queryFn: ({ signal, pageParam }) => api.browse({ ...request, offset: pageParam }, signal),
      initialPageParam: 0,
      getNextPageParam: (last) => {
        const next = last.offset + last.customers.length
        // An empty page ends the walk even if total says otherwise (total can move while browsing).
        return last.customers.length > 0 && next < last.total ? next : undefined
      },
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),
  name: (api: CustomerApi, id: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'name', id.toLowerCase()],
      queryFn: ({ signal }) => api.name(id, signal),
      staleTime: NAME_STALE_MS,
    }),
  /**
   * Names of a page's customers (ids lowercased, distinct, sorted): one GET /customer?customerIds=…
   * for those not cached yet, GET /customer/:id/name for any the answer lacks. Each name found also
   * seeds customerQueries.name(id), so the drawer and the pickers find it in the cache.
   */
  names: (api: CustomerApi, ids: readonly string[], all: boolean) =>
    // `api` is the signed-in session's client, as in the factories above (where the rule does not
    // see it): the cache belongs to one session and is cleared on sign-out.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...customerQueries.all(), 'names', { ids, all }],
      queryFn: ({ signal, client }) => resolveNames(api, client, ids, all, signal),
      staleTime: NAME_STALE_MS,
      // The previous page's names stay while the next page's arrive (cells then show ids only briefly).
      placeholderData: keepPreviousData,
    }),
}

/** id (lowercase) → name; ids with no name to be found are absent (the cell shows the id). */
export type CustomerNames = ReadonlyMap<string, string>

async function resolveNames(
  api: CustomerApi,
  client: QueryClient,
  ids: readonly string[],
  all: boolean,
  signal: AbortSignal,
): Promise<CustomerNames> {
  const names = new Map<string, string>()
  const missing: string[] = []
  for (const id of ids) {
    const cached = client.getQueryData(customerQueries.name(api, id).queryKey)
    if (cached) {
      if (cached.name) names.set(id, cached.name)
    } else missing.push(id)
  }
  const found = new Set<string>()
  // A 500-row page names up to 500 customers: its requests of NAMES_PER_REQUEST ids go out together,
  // not one after the other (measured: the last of five answered ~270 ms after the page painted).
  const chunks: string[][] = []
  for (let start = 0; start < missing.length; start += NAMES_PER_REQUEST) chunks.push(missing.slice(start, start + NAMES_PER_REQUEST))
  const answers = await Promise.all(chunks.map((chunk) => api.byIds(chunk, all, signal)))
  for (const answer of answers) {
    for (const customer of answer.customers) {
      const id = customer._id.toLowerCase()
      found.add(id)
      client.setQueryData(customerQueries.name(api, id).queryKey, { _id: customer._id, name: customer.name })
      if (customer.name) names.set(id, customer.name)
    }
  }
  // The bulk answer leaves out ids it does not return (deleted, or a listing that differs): ask
  // those one by one, through the per-id query so the answer is cached like any other.
  const rest = missing.filter((id) => !found.has(id))
  const lookups = await Promise.allSettled(rest.map((id) => client.fetchQuery(customerQueries.name(api, id))))
  lookups.forEach((lookup, index) => {
    const id = rest[index]
    if (lookup.status === 'fulfilled' && lookup.value.name && id !== undefined) names.set(id, lookup.value.name)
  })
  return names
}
