import { redactSipAccount, type AccessLevel } from '../../api/access-level.ts'
import { getJson, warmGet, type Query } from '../../api/http.ts'
import { sameId } from '../../api/ids.ts'
import {
  SipAccountCondensedExtrasSchema,
  SipAccountFullListSchema,
  SipAccountFullRowsSchema,
  SipAccountFullSchema,
  SipAccountListSchema,
  type SipAccount,
  type SipAccountFull,
  type SipAccountList,
} from '../../api/sip-account.ts'
import { readLandingHint } from './list/landing-hint.ts'
import { parseListSearch, type ListParams } from './list/list-params.ts'

/** What the fetchers need from the session: how to authenticate and what the user may see. */
export interface ApiSession {
  token: string
  accessLevel: AccessLevel
}

/**
 * A list row: the condensed account, plus the full object's fields when extra columns asked for
 * them (never the password: the list shows none, so it is not kept).
 */
export type SipAccountRow = SipAccount & Pick<SipAccountFull, 'customer' | 'userAgent' | 'contact' | 'sipServer'>

/** 'condensed': GET /sip as is. 'full': also full=true, for columns only the full object has. */
export type ListFields = 'condensed' | 'full'

/** A page of the list, with the request that produced it (for highlighting and empty messages). */
export interface SipAccountPage extends Pick<SipAccountList, 'offset' | 'limit' | 'total'> {
  sipAccounts: SipAccountRow[]
  request: ListParams
  fields: ListFields
}

/** The parameters that define a result set, without paging. */
export type ListScope = Omit<ListParams, 'offset' | 'limit'>

export function scopeOf({ filter, up, customer, reseller }: ListParams): ListScope {
  return { filter, up, customer, reseller }
}

/** Everything needed to ask GET /sip for one row of a result set (offset = its absolute position). */
export interface RowLocator {
  scope: ListScope
  position: number
}

/** The row at `index` of a page, as a RowLocator. */
export function locatorFor(page: SipAccountPage, index: number): RowLocator {
  return { scope: scopeOf(page.request), position: page.request.offset + index }
}

/** Probe for the condensed row of one account (voice usage and rate plan name live only there). */
export interface CondensedProbe {
  id: string
  customer: string
  filter: string
}

export interface SipAccountApi {
  list: (params: ListParams, fields: ListFields, signal?: AbortSignal) => Promise<SipAccountPage>
  /** The full account: the row at its position when it still is that account, else GET /sip/:id. */
  account: (id: string, at: RowLocator | null, signal?: AbortSignal) => Promise<SipAccountFull>
  condensed: (probe: CondensedProbe, signal?: AbortSignal) => Promise<SipAccount | null>
  /** How many accounts a result set holds: GET /sip with limit=1, only `total` is read (decision 043). */
  count: (scope: ListScope, signal?: AbortSignal) => Promise<number>
}

function listQuery(params: ListParams): Query {
  return {
    customer: params.customer,
    reseller: params.reseller,
    filter: params.filter,
    up: params.up,
    offset: params.offset,
    limit: params.limit,
  }
}

/**
 * On resume, before the access level is known: sends the condensed GET /sip that the list will ask
 * for first (the URL's list parameters, as `list` builds them, with the landing scope the tab
 * remembers for a plain URL: landing-hint.ts), so it runs beside validateToken. The
 * list's own fetch then takes it over instead of sending it again (http.ts warmGet), parses and redacts it by
 * the level; a list that asks for something else (a role that may not pick a customer, a different
 * view) simply sends its own request. Returns `discard`.
 */
export function warmFirstListPage(token: string, search: string): () => void {
  const { params, view } = parseListSearch(search)
  // Another view (Down by customer) shows no list page: nothing to warm (a level without that view
  // then loads its list the normal way).
  if (view) return () => undefined
  // A plain URL lands a level with scope on its whole subtree (041): the tab remembers which.
  const landing = params.customer || params.reseller ? undefined : readLandingHint()
  return warmGet('/sip', listQuery(landing ? { ...params, reseller: landing } : params), token)
}

export function createSipAccountApi(session: ApiSession): SipAccountApi {
  const { token, accessLevel } = session
  // Restricted fields are dropped here, right after parsing: they never reach the cache or the DOM.
  const redact = <T extends object>(account: T): T => redactSipAccount(account, accessLevel)

  return {
    list: async (params, fields, signal) => {
      const query = listQuery(params)
      if (fields === 'condensed') {
        const list = await getJson('/sip', query, SipAccountListSchema, { token, signal })
        const { offset, limit, total } = list
        return { offset, limit, total, sipAccounts: uniqueById(list.sipAccounts).map(redact), request: params, fields }
      }
      // The full object lacks ratePlanName and voiceUsage, the condensed one the extra columns:
      // both pages, in parallel, joined by _id (each read only for what the list shows).
      const [condensed, full] = await Promise.all([
        getJson('/sip', query, SipAccountCondensedExtrasSchema, { token, signal }),
        getJson('/sip', { ...query, full: true }, SipAccountFullRowsSchema, { token, signal }),
      ])
      const byId = new Map(condensed.sipAccounts.map((row) => [row._id.toLowerCase(), row]))
      const sipAccounts = uniqueById(full.sipAccounts).map((row) => {
        // `row` is the parse's own new object (no password in it): the condensed fields join it in place.
        const short = byId.get(row._id.toLowerCase())
        row.ratePlanName = short?.ratePlanName
        row.voiceUsage = short?.voiceUsage
        return redact(row)
      })
      return { offset: full.offset, limit: full.limit, total: full.total, sipAccounts, request: params, fields }
    },
    account: async (id, at, signal) => {
      if (at) {
        const query = { ...listQuery({ ...at.scope, offset: at.position, limit: 1 }), full: true }
        const list = await getJson('/sip', query, SipAccountFullListSchema, { token, signal })
        const row = list.sipAccounts[0]
        // The data may have shifted since the page loaded: only an _id match counts.
        if (row && sameId(row._id, id)) return redact(row)
      }
      return redact(await getJson(`/sip/${encodeURIComponent(id)}`, {}, SipAccountFullSchema, { token, signal }))
    },
    count: async (scope, signal) => {
      const list = await getJson('/sip', listQuery({ ...scope, offset: 0, limit: 1 }), SipAccountListSchema, { token, signal })
      return list.total
    },
    condensed: async (probe, signal) => {
      const query = { customer: probe.customer, filter: probe.filter, offset: 0, limit: 100 }
      const list = await getJson('/sip', query, SipAccountListSchema, { token, signal })
      const row = list.sipAccounts.find((account) => sameId(account._id, probe.id))
      return row ? redact(row) : null
    },
  }
}

/**
 * A page that lists one account twice (an API bug; ids compare case-insensitively) keeps the
 * first: a row is an account, and two rows with one id would confuse selection and focus.
 */
function uniqueById<T extends { _id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>()
  return rows.filter((row) => {
    const id = row._id.toLowerCase()
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
