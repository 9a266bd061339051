import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query'
import { useSessionLive, useSipAccountApi } from '../../../app/session-context.tsx'
import type { ListScope } from '../sip-account-api.ts'
import { sipAccountQueries } from '../sip-account-queries.ts'

/** The Status filter's numbers; absent while unknown (or when the count failed: no number then, not an error). */
export interface StatusCounts {
  all: number | undefined
  up: number | undefined
  down: number | undefined
  /** Hosted-PBX trunks have no status: All − Up − Down, once all three are known. */
  pbx: number | undefined
  /** Some shown number belongs to the previous scope or search while the new one loads. */
  stale: boolean
  refetch: () => void
}

interface CountOptions {
  /** The list's own `up`: that count is the page's total, which the list query writes into the cache. */
  up: boolean | undefined
  /** How often the numbers refresh: with the list's live status. */
  refetchInterval: number
}

/**
 * How many accounts of the current scope and search are All / Up / Down (decision 043): GET /sip
 * with limit=1 for the two the list does not answer, in parallel with the list (never after it);
 * the list's own one is its page's total. Refreshed with the list; the previous scope's numbers
 * stay (dimmed) while a new scope's load, so nothing flashes.
 */
export function useStatusCounts(scope: Omit<ListScope, 'up'>, { up, refetchInterval }: CountOptions): StatusCounts {
  const all = useCount({ ...scope, up: undefined }, up === undefined, refetchInterval)
  const upCount = useCount({ ...scope, up: true }, up === true, refetchInterval)
  const down = useCount({ ...scope, up: false }, up === false, refetchInterval)
  const pbx =
    all.data !== undefined && upCount.data !== undefined && down.data !== undefined ? all.data - upCount.data - down.data : undefined
  return {
    all: all.data,
    up: upCount.data,
    down: down.data,
    pbx: pbx !== undefined && pbx >= 0 ? pbx : undefined,
    stale: all.isPlaceholderData || upCount.isPlaceholderData || down.isPlaceholderData,
    // The list's own count is refreshed by the list's refetch.
    refetch: () => {
      if (up !== undefined) void all.refetch()
      if (up !== true) void upCount.refetch()
      if (up !== false) void down.refetch()
    },
  }
}

function useCount(scope: ListScope, fromList: boolean, refetchInterval: number): UseQueryResult<number> {
  const api = useSipAccountApi()
  const live = useSessionLive()
  return useQuery({
    ...sipAccountQueries.count(api, scope),
    // The list's own status: the list query fills it in (and refreshes it) with its page's total.
    enabled: live && !fromList,
    refetchInterval,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
  })
}
