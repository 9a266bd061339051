import { redactSipAccount, type AccessLevel } from '../src/api/access-level.ts'
import { PBX_OMITTED_FIELDS } from '../src/api/sip-account.ts'
import { RATE_PLAN_NAMES, USAGE_MONTHS } from './seed.ts'
import type { SipRow } from './store.ts'

/** The condensed table of the GET /sip page, plus defaultNumber (in the documented example). */
export const CONDENSED_FIELDS = [
  '_id',
  'active',
  'name',
  'numbers',
  'ratePlan',
  'ratePlanName',
  'status',
  'connection',
  'username',
  'ipAddress',
  'failover',
  'alwaysFailover',
  'usageBlock',
  'pbx',
  'voiceUsage',
  'defaultNumber',
] as const

/** The full=true table of the GET /sip page, in its order. */
export const FULL_FIELDS = [
  '_id',
  'customer',
  'active',
  'name',
  'type',
  'numbers',
  'highRate',
  'international',
  'address',
  'ratePlan',
  'newRatePlan',
  'parentSipAccount',
  'pbx',
  'notes',
  'custom',
  'status',
  'sipServer',
  'userAgent',
  'contact',
  'connection',
  'username',
  'password',
  'ipAddress',
  'port',
  'countries',
  'clipSA',
  'stripDkCountryCode',
  'prefixMobileOriginated',
  'failover',
  'alwaysFailover',
  'invoicedUntil',
  'usageBlock',
  'defaultNumber',
  'alwaysDefaultNumber',
  'alwaysSecretNumber',
  'billingCustomer',
] as const

export type SipObject = Record<string, unknown>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseStored(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json)
  if (!isRecord(value)) throw new Error('stored SIP account is not an object')
  return value
}

function usageOf(json: string): { date: string; secsOutHomeland: number }[] {
  const value: unknown = JSON.parse(json)
  if (!Array.isArray(value)) return []
  return USAGE_MONTHS.map((date, i) => {
    const secs: unknown = value[i]
    return { date, secsOutHomeland: typeof secs === 'number' ? secs : 0 }
  })
}

/**
 * The one place a stored account becomes a response object: documented fields only, in the
 * documented order; empty values omitted (never null); PBX trunks without the documented
 * connection fields; then redactSipAccount removes what the caller's level may not see.
 */
export function shapeSipAccount(row: SipRow, level: AccessLevel, full: boolean): SipObject {
  const stored = parseStored(row.full_json)
  // status lives in its own column (the simulator flips it); the JSON copy is only a placeholder.
  stored.status = row.status ?? undefined
  stored.ratePlanName = typeof stored.ratePlan === 'string' ? RATE_PLAN_NAMES.get(stored.ratePlan) : undefined
  if (!full) stored.voiceUsage = usageOf(row.usage)
  const isPbx = row.pbx > 0
  const omitted: ReadonlySet<string> = new Set(isPbx ? PBX_OMITTED_FIELDS : [])
  const out: SipObject = {}
  for (const field of full ? FULL_FIELDS : CONDENSED_FIELDS) {
    const value = stored[field]
    if (value === undefined || value === null || value === '' || omitted.has(field)) continue
    out[field] = value
  }
  return redactSipAccount(out, level)
}
