import { useEffect, useState } from 'react'
import type { SipStatus } from '../../../api/sip-account.ts'
import type { SipAccountPage } from '../sip-account-api.ts'

export interface StatusFlip {
  id: string
  name: string
  status: SipStatus | null | undefined
}

/** How long a flipped trunk stays highlighted. */
export const FLASH_MS = 6000

interface Seen {
  page: SipAccountPage | undefined
  flips: readonly StatusFlip[]
  ids: ReadonlySet<string>
}

const NONE: Seen = { page: undefined, flips: [], ids: new Set() }

/**
 * Trunks whose status differs from the previous fetch of the same page (same request). A new
 * page, filter or scope is not a flip. Structural sharing keeps `page` the same object when a
 * refresh changed nothing, so this only works when something did.
 */
export function useStatusFlips(page: SipAccountPage | undefined): Seen {
  const [seen, setSeen] = useState<Seen>(NONE)
  if (page !== seen.page) {
    const previous = seen.page
    const same = page !== undefined && previous !== undefined && sameRequest(previous, page)
    let flips: StatusFlip[] = []
    if (page && previous && same) {
      const before = new Map(previous.sipAccounts.map((account) => [account._id, account.status]))
      flips = page.sipAccounts
        .filter((account) => before.has(account._id) && before.get(account._id) !== account.status)
        .map((account) => ({ id: account._id, name: account.name || account.numbers?.[0] || account._id, status: account.status }))
    }
    // Flips of an earlier refresh of this page stay lit until their timer ends; another page has none.
    if (flips.length > 0) setSeen({ page, flips, ids: new Set(flips.map((flip) => flip.id)) })
    else setSeen(same ? { ...seen, page } : { ...NONE, page })
  }

  const { flips } = seen
  useEffect(() => {
    if (flips.length === 0) return
    const timer = setTimeout(() => setSeen((current) => (current.flips === flips ? { ...NONE, page: current.page } : current)), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flips])
  return seen
}

function sameRequest(a: SipAccountPage, b: SipAccountPage): boolean {
  const x = a.request
  const y = b.request
  return (
    x.offset === y.offset &&
    x.limit === y.limit &&
    x.filter === y.filter &&
    x.up === y.up &&
    x.customer === y.customer &&
    x.reseller === y.reseller
  )
}
