import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListParams } from './list/list-params.ts'
import { scopeOf, type CondensedProbe, type ListFields, type ListScope, type RowLocator, type SipAccountApi } from './sip-account-api.ts'

/*
 * Keys go from generic to specific and hold every parameter the fetcher sends. The token is not
 * a parameter (it is auth): the whole cache is cleared when the user changes or signs out.
 */
export const sipAccountQueries = {
  all: () => ['sip-accounts'] as const,
  lists: () => [...sipAccountQueries.all(), 'list'] as const,
  list: (api: SipAccountApi, params: ListParams, fields: ListFields) =>
    queryOptions({
      queryKey: [...sipAccountQueries.lists(), params, fields],
      queryFn: async ({ signal, client }) => {
        const page = await api.list(params, fields, signal)
        // The page's total is its status's count on the Status filter: that one needs no request (043).
        client.setQueryData<number>(sipAccountQueries.countKey(scopeOf(params)), page.total)
        return page
      },
      // The previous page stays on screen (dimmed) while the next loads: no flicker, no jump.
      placeholderData: keepPreviousData,
    }),
  counts: () => [...sipAccountQueries.all(), 'count'] as const,
  countKey: (scope: ListScope) => [...sipAccountQueries.counts(), scope] as const,
  /** The Status filter's numbers: how many accounts a scope and search hold with this `up` (043). */
  count: (api: SipAccountApi, scope: ListScope) =>
    queryOptions({
      queryKey: sipAccountQueries.countKey(scope),
      queryFn: ({ signal }) => api.count(scope, signal),
    }),
  account: (api: SipAccountApi, id: string, at: RowLocator | null) =>
    queryOptions({
      queryKey: [...sipAccountQueries.all(), 'account', id.toLowerCase(), at],
      queryFn: ({ signal }) => api.account(id, at, signal),
    }),
  condensed: (api: SipAccountApi, probe: CondensedProbe) =>
    queryOptions({
      queryKey: [...sipAccountQueries.all(), 'condensed', probe],
      queryFn: ({ signal }) => api.condensed(probe, signal),
    }),
}
