import { getJson } from '../../../api/http.ts'
import { SipAccountFullListSchema } from '../../../api/sip-account.ts'
import { walkPages, type PageFetcher, type WalkProgress } from '../walk-pages.ts'

/** The list's scope (never its search or status: the view counts every down trunk of the scope). */
export interface DownScope {
  customer?: string | undefined
  reseller?: string | undefined
}

/** What the walk keeps of a down trunk: the whole object is dropped as soon as the page is read. */
interface DownTrunk {
  id: string
  customer: string | undefined
  /** `active: false` is inactive; a trunk that does not say counts as active. */
  active: boolean
  down: boolean
}

export interface CustomerDown {
  /** The customer id as the API wrote it. */
  customer: string
  down: number
  /** Down and active (the "Active only" switch). */
  activeDown: number
}

export interface DownCount {
  /** One entry per customer with at least one down trunk, in no particular order. */
  customers: CustomerDown[]
  /** Down trunks the API returned without a customer: counted, but no row can link them. */
  unassigned: { down: number; activeDown: number }
}

/**
 * One page of `GET /sip?up=false&full=true&limit=500`. Only full objects carry `customer` (the
 * condensed one has none; decisions 009, 040); measured on the 100,000-account data, full pages of
 * down trunks are also smaller than condensed ones (no 12 months of voice usage), so one full
 * request per page is the cheapest walk (decision 044). Each row is cut to id, customer, active and
 * status right after parsing: no password, note or other field outlives the page.
 */
export function downPageFetcher(token: string, scope: DownScope): PageFetcher<DownTrunk> {
  return async (offset, limit, signal) => {
    const query = { customer: scope.customer, reseller: scope.reseller, up: false, full: true, offset, limit }
    const page = await getJson('/sip', query, SipAccountFullListSchema, { token, signal })
    return {
      total: page.total,
      sipAccounts: page.sipAccounts.map((row) => ({
        id: row._id.toLowerCase(),
        customer: row.customer ?? undefined,
        active: row.active !== false,
        // up=false answers only OFF trunks; an API that sent another anyway is not miscounted.
        down: row.status === 'OFF',
      })),
    }
  }
}

export interface CountRequest {
  fetchPage: PageFetcher<DownTrunk>
  signal: AbortSignal
  onProgress: (progress: WalkProgress) => void
  retryDelayMs?: (attempt: number) => number
}

/** Walks every down trunk of the scope (walkPages: 500 a page, retries, Cancel) and counts them per customer. */
export async function countDownByCustomer({ fetchPage, signal, onProgress, retryDelayMs }: CountRequest): Promise<DownCount> {
  const byCustomer = new Map<string, CustomerDown>()
  const unassigned = { down: 0, activeDown: 0 }
  // A trunk that moves between pages while the walk runs would otherwise be counted twice.
  const seen = new Set<string>()
  const entryFor = (customer: string): CustomerDown => {
    const key = customer.toLowerCase()
    let entry = byCustomer.get(key)
    if (!entry) byCustomer.set(key, (entry = { customer, down: 0, activeDown: 0 }))
    return entry
  }
  await walkPages({
    fetchPage,
    signal,
    onProgress,
    retryDelayMs,
    onPage: (rows) => {
      for (const trunk of rows) {
        if (!trunk.down || seen.has(trunk.id)) continue
        seen.add(trunk.id)
        const entry = trunk.customer === undefined ? unassigned : entryFor(trunk.customer)
        entry.down++
        if (trunk.active) entry.activeDown++
      }
    },
  })
  return { customers: [...byCustomer.values()], unassigned }
}

export interface RankedCustomer {
  customer: string
  name: string | undefined
  count: number
}

/**
 * The table's rows: customers with down trunks (Active only: with active down trunks), most first;
 * equal counts by name (customers still unnamed after the named ones), then by id, so the order
 * is stable while names arrive.
 */
export function rankCustomers(count: DownCount, activeOnly: boolean, nameOf: (customer: string) => string | undefined): RankedCustomer[] {
  return count.customers
    .map((entry) => ({ customer: entry.customer, name: nameOf(entry.customer), count: activeOnly ? entry.activeDown : entry.down }))
    .filter((row) => row.count > 0)
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.name === undefined ? 1 : 0) - (b.name === undefined ? 1 : 0) ||
        (a.name ?? '').localeCompare(b.name ?? '', 'da') ||
        a.customer.localeCompare(b.customer),
    )
}
