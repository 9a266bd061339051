import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ListParams } from './list/list-params.ts'
import type { CondensedProbe, ListFields, RowLocator, SipAccountApi } from './sip-account-api.ts'

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
      queryFn: ({ signal }) => api.list(params, fields, signal),
      // The previous page stays on screen (dimmed) while the next loads: no flicker, no jump.
      placeholderData: keepPreviousData,
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
