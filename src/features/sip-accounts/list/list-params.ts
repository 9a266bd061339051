import * as z from 'zod/mini'
import { IdSchema } from '../../../api/ids.ts'
import { FILTER_MAX_LENGTH, SIP_LIST_LIMIT } from '../../../api/sip-account.ts'
import type { MessageKey, MessageValues } from '../../../lib/i18n.ts'
import { normalizePhoneSearch } from '../../../lib/phone-number.ts'

/** Rows-per-page choices; 100 is the API's default. */
export const LIMIT_OPTIONS = [25, 50, 100, 250, 500] as const
export const DEFAULT_LIMIT = SIP_LIST_LIMIT.default

/** List state as the URL holds it, with the API's parameter names. Absent means "not sent". */
export interface ListParams {
  filter?: string
  up?: boolean
  offset: number
  limit: number
  customer?: string
  reseller?: string
}

export interface ListLocation {
  /** `filter` is what GET /sip is sent: a number typed in pairs is normalized (decision 032). */
  params: ListParams
  /** The search as typed (and kept in the URL, so a shared link reads the same); the box shows it. */
  searchText: string | undefined
  /** The account whose drawer is open. */
  account: string | undefined
  /** A view shown instead of the list (`?view=down`: Down by customer, decision 044). */
  view: ListView | undefined
  /** What was wrong with the URL and how it was read instead; shown to the user, never thrown. */
  notices: ListNotice[]
}

/** A notice as a message and its values: translated where it is shown (use-list-location.ts), so it follows the language. */
export interface ListNotice {
  key: MessageKey
  values?: MessageValues
}

/** Views other than the list itself; each is a `view=` value. */
const LIST_VIEWS = ['down'] as const
type ListView = (typeof LIST_VIEWS)[number]
const ViewSchema = z.enum(LIST_VIEWS)

const NonNegativeIntSchema = z.pipe(z.string().check(z.regex(/^\d{1,9}$/)), z.transform(Number))
const UpSchema = z.enum(['true', 'false'])

/** A value from the URL as a notice quotes it (the message holds the quotation marks). */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value
}

function nearestLimit(value: number): number {
  let best: number = DEFAULT_LIMIT
  for (const option of LIMIT_OPTIONS) if (Math.abs(option - value) < Math.abs(best - value)) best = option
  return best
}

/** Reads list state from a query string. Never throws: invalid values are normalised and explained. */
export function parseListSearch(search: string): ListLocation {
  const query = new URLSearchParams(search)
  const notices: ListNotice[] = []
  const params: ListParams = { offset: 0, limit: DEFAULT_LIMIT }

  const filter = query.get('filter')?.trim()
  let searchText: string | undefined
  if (filter) {
    searchText = filter.slice(0, FILTER_MAX_LENGTH)
    // The one place the typed search becomes the sent filter, so the query key holds what is sent.
    params.filter = normalizePhoneSearch(searchText)
    if (filter.length > FILTER_MAX_LENGTH)
      notices.push({ key: 'The search was shortened to {max} characters.', values: { max: FILTER_MAX_LENGTH } })
  }

  const up = query.get('up')
  if (up !== null) {
    const parsed = UpSchema.safeParse(up)
    if (parsed.success) params.up = parsed.data === 'true'
    else notices.push({ key: 'Status “{value}” is not Up or Down, so all accounts are shown.', values: { value: clip(up) } })
  }

  const limit = query.get('limit')
  if (limit !== null) {
    const parsed = NonNegativeIntSchema.safeParse(limit)
    if (!parsed.success || parsed.data < SIP_LIST_LIMIT.min) {
      notices.push({
        key: 'Rows per page “{value}” is not a number from 1 to 500; showing {limit}.',
        values: { value: clip(limit), limit: DEFAULT_LIMIT },
      })
    } else {
      params.limit = nearestLimit(Math.min(parsed.data, SIP_LIST_LIMIT.max))
      if (params.limit !== parsed.data)
        notices.push({
          key: 'Rows per page “{value}” is not offered; showing {limit}.',
          values: { value: clip(limit), limit: params.limit },
        })
    }
  }

  const offset = query.get('offset')
  if (offset !== null) {
    const parsed = NonNegativeIntSchema.safeParse(offset)
    if (parsed.success) params.offset = parsed.data
    else notices.push({ key: 'Position “{value}” is not valid; showing from the first account.', values: { value: clip(offset) } })
  }

  for (const key of ['customer', 'reseller'] as const) {
    const value = query.get(key)
    if (value === null || value === '') continue
    if (IdSchema.safeParse(value).success) params[key] = value
    else
      notices.push({
        key: 'The {kind, select, customer {customer} other {reseller}} id “{value}” is not a valid id (24 hexadecimal characters) and was ignored.',
        values: { kind: key, value: clip(value) },
      })
  }

  let account: string | undefined
  const accountValue = query.get('account')
  if (accountValue) {
    if (IdSchema.safeParse(accountValue).success) account = accountValue
    else notices.push({ key: 'The account id “{value}” is not a valid id and was ignored.', values: { value: clip(accountValue) } })
  }

  let view: ListView | undefined
  const viewValue = query.get('view')
  if (viewValue) {
    const parsed = ViewSchema.safeParse(viewValue)
    if (parsed.success) view = parsed.data
    else notices.push({ key: 'The view “{value}” is not known, so the list is shown.', values: { value: clip(viewValue) } })
  }

  return { params, searchText, account, view, notices }
}

export type ListPatch = Partial<{
  filter: string | undefined
  up: boolean | undefined
  offset: number | undefined
  limit: number | undefined
  customer: string | undefined
  reseller: string | undefined
  account: string | undefined
  view: ListView | undefined
}>

/**
 * Applies a patch to a query string. Defaults are left out so links stay short and one view has
 * one URL; parameters this page does not know are kept for whoever owns them.
 */
export function patchListSearch(search: string, patch: ListPatch): URLSearchParams {
  const query = new URLSearchParams(search)
  for (const [key, value] of Object.entries(patch)) {
    const isDefault =
      value === undefined || value === '' || (key === 'offset' && value === 0) || (key === 'limit' && value === DEFAULT_LIMIT)
    if (isDefault) query.delete(key)
    else query.set(key, String(value))
  }
  return query
}
