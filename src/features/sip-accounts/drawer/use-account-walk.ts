import { useQueryClient } from '@tanstack/react-query'
import { sameId } from '../../../api/ids.ts'
import { sipAccountQueries } from '../sip-account-queries.ts'
import { locatorFor, type RowLocator, type SipAccountApi, type SipAccountPage, type SipAccountRow } from '../sip-account-api.ts'
import type { UpdateList } from '../list/use-list-location.ts'

export interface AccountWalk {
  /** Where the open account sits in the result set; null when it is not on the page (e.g. a link). */
  locator: RowLocator | null
  /** Its row from the list (voice usage, rate plan name), when on the page. */
  row: SipAccountRow | undefined
  total: number | undefined
  canPrevious: boolean
  canNext: boolean
  /** Moves to the neighbouring account, loading the neighbouring page when it is on another one. */
  walk: (step: 1 | -1) => Promise<void>
}

export function useAccountWalk(api: SipAccountApi, page: SipAccountPage | undefined, accountId: string, update: UpdateList): AccountWalk {
  const queryClient = useQueryClient()
  const index = page ? page.sipAccounts.findIndex((account) => sameId(account._id, accountId)) : -1
  if (!page || index < 0) {
    return { locator: null, row: undefined, total: page?.total, canPrevious: false, canNext: false, walk: async () => {} }
  }
  const request = page.request
  const position = request.offset + index

  const walk = async (step: 1 | -1) => {
    const neighbour = page.sipAccounts[index + step]
    // Replace, not push: Back closes the drawer instead of stepping through every account seen.
    if (neighbour) return update({ account: neighbour._id }, { replace: true })
    const offset = step < 0 ? Math.max(0, request.offset - request.limit) : request.offset + request.limit
    const next = await queryClient.fetchQuery(sipAccountQueries.list(api, { ...request, offset }, page.fields))
    const target = next.sipAccounts[position + step - offset]
    if (target) update({ offset, account: target._id }, { replace: true })
  }

  return {
    locator: locatorFor(page, index),
    row: page.sipAccounts[index],
    total: page.total,
    canPrevious: position > 0,
    canNext: position + 1 < page.total,
    walk,
  }
}
