import { queryOptions } from '@tanstack/react-query'
import type { WalkProgress } from '../walk-pages.ts'
import { countDownByCustomer, downPageFetcher, type DownScope } from './count-down.ts'

export const downByCustomerQueries = {
  /** Its own root, not under 'sip-accounts': nothing that refreshes the list may start a walk. */
  all: () => ['down-by-customer'] as const,
  /**
   * The count for one scope. It runs when the view opens without one, and again only on demand
   * (Refresh, Retry): a walk costs a request per 500 down trunks. Kept 10 minutes after the view
   * closes, so coming back shows it with its time; cleared with the session's cache on sign-out.
   */
  count: (token: string, scope: DownScope, onProgress: (progress: WalkProgress | undefined) => void) =>
    // The token is the session's (the cache is cleared when it changes) and onProgress is the
    // view's progress bar: neither changes what is fetched, so neither is in the key.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...downByCustomerQueries.all(), { customer: scope.customer?.toLowerCase(), reseller: scope.reseller?.toLowerCase() }],
      queryFn: ({ signal }) => {
        onProgress(undefined)
        return countDownByCustomer({ fetchPage: downPageFetcher(token, scope), signal, onProgress })
      },
      staleTime: Infinity,
      gcTime: 10 * 60_000,
      // walkPages retries a failed page itself; a retry here would start the whole walk again.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
}
