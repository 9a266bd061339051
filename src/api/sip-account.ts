import * as z from 'zod/mini'
import { IdSchema } from './ids.ts'

/*
 * The contract of GET /sip and GET /sip/:id (wiki page api:sip:account:list).
 * Properties holding no value may be omitted or null (the documentation's examples show both),
 * hosted-PBX trunks (pbx > 0) omit the connection fields, so every field but `_id` is nullish.
 * Objects are loose: a property the API adds later is kept, not rejected.
 */

export const SIP_STATUSES = ['ON', 'OFF'] as const
export const SipStatusSchema = z.enum(SIP_STATUSES)
export type SipStatus = z.infer<typeof SipStatusSchema>

export const CONNECTION_TYPES = ['IP_AUTH', 'IP_AUTH_REG', 'IP', 'COUNTRY_AUTH_REG'] as const
export const ConnectionTypeSchema = z.enum(CONNECTION_TYPES)
export type ConnectionType = z.infer<typeof ConnectionTypeSchema>

/** Fields a hosted-PBX trunk never carries (documented list). */
export const PBX_OMITTED_FIELDS = [
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
  'defaultNumber',
] as const

/** One month of voice usage. The per-account usage endpoint has more fields; they are kept. */
export interface VoiceUsage {
  date: string
  secsOutHomeland: number
  [field: string]: unknown
}

function isVoiceUsage(value: unknown): value is VoiceUsage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'date' in value &&
    typeof value.date === 'string' &&
    'secsOutHomeland' in value &&
    typeof value.secsOutHomeland === 'number'
  )
}

/*
 * A month list is checked by one predicate rather than z.array(z.looseObject(…)): a 500-row page
 * carries 6,000 months, and through zod's object parser (which runs without its JIT under our CSP)
 * they were most of the page's parse, ~100 ms of one task in Chromium. Months are kept as sent.
 */
export const VoiceUsageListSchema = z.custom<VoiceUsage[]>((value) => Array.isArray(value) && value.every(isVoiceUsage), {
  error: 'Expected a list of months of voice usage: { date: string, secsOutHomeland: number }',
})

const nullish = z.nullish

/** The condensed SIP account of GET /sip (without full=true). */
export const SipAccountSchema = z.looseObject({
  _id: IdSchema,
  active: nullish(z.boolean()),
  name: nullish(z.string()),
  numbers: nullish(z.array(z.string())),
  ratePlan: nullish(IdSchema),
  ratePlanName: nullish(z.string()),
  status: nullish(SipStatusSchema),
  connection: nullish(ConnectionTypeSchema),
  username: nullish(z.string()),
  ipAddress: nullish(z.string()),
  failover: nullish(z.string()),
  alwaysFailover: nullish(z.boolean()),
  usageBlock: nullish(z.boolean()),
  pbx: nullish(z.number()),
  voiceUsage: nullish(VoiceUsageListSchema),
  /** Not in the condensed table, but in the documented condensed example. */
  defaultNumber: nullish(z.string()),
  /** Only for RESELLER / ADMIN; not in the condensed table, tolerated if an API sends it. */
  notes: nullish(z.string()),
})
export type SipAccount = z.infer<typeof SipAccountSchema>

/** The complete account's fields but its password (the list reads it without). */
const fullShapeButPassword = {
  _id: IdSchema,
  customer: nullish(IdSchema),
  active: nullish(z.boolean()),
  name: nullish(z.string()),
  type: nullish(z.string()),
  numbers: nullish(z.array(z.string())),
  highRate: nullish(z.boolean()),
  international: nullish(z.boolean()),
  address: nullish(IdSchema),
  ratePlan: nullish(IdSchema),
  newRatePlan: nullish(IdSchema),
  parentSipAccount: nullish(IdSchema),
  pbx: nullish(z.number()),
  notes: nullish(z.string()),
  custom: nullish(z.record(z.string(), z.unknown())),
  status: nullish(SipStatusSchema),
  sipServer: nullish(z.string()),
  userAgent: nullish(z.string()),
  contact: nullish(z.string()),
  connection: nullish(ConnectionTypeSchema),
  username: nullish(z.string()),
  ipAddress: nullish(z.string()),
  port: nullish(z.int()),
  countries: nullish(z.string()),
  clipSA: nullish(z.boolean()),
  stripDkCountryCode: nullish(z.boolean()),
  prefixMobileOriginated: nullish(z.boolean()),
  failover: nullish(z.string()),
  alwaysFailover: nullish(z.boolean()),
  invoicedUntil: nullish(z.string()),
  usageBlock: nullish(z.boolean()),
  defaultNumber: nullish(z.string()),
  alwaysDefaultNumber: nullish(z.boolean()),
  alwaysSecretNumber: nullish(z.boolean()),
  billingCustomer: nullish(IdSchema),
  /** Not in the full table; kept when an API sends them so the drawer can use them. */
  ratePlanName: nullish(z.string()),
  voiceUsage: nullish(VoiceUsageListSchema),
}

/** The complete SIP account of GET /sip?full=true and GET /sip/:id. */
export const SipAccountFullSchema = z.looseObject({ ...fullShapeButPassword, password: nullish(z.string()) })
export type SipAccountFull = z.infer<typeof SipAccountFullSchema>

const listShape = {
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
}

export const SipAccountListSchema = z.looseObject({
  ...listShape,
  sipAccounts: z.array(SipAccountSchema),
})
export type SipAccountList = z.infer<typeof SipAccountListSchema>

export const SipAccountFullListSchema = z.looseObject({
  ...listShape,
  sipAccounts: z.array(SipAccountFullSchema),
})

/*
 * The list's own reading of GET /sip?full=true and of the condensed page it is joined with: what
 * the table shows, checked as strictly as above, and nothing else. A password is never read (the
 * list shows none), nor a property the API adds later (no column shows it; the drawer reads the
 * account whole). Measured: the loose reading's copy of every row without its password and its
 * pass over every unknown key were ~5 ms of a 500-row page in Chromium.
 */
export const SipAccountFullRowsSchema = z.looseObject({
  ...listShape,
  sipAccounts: z.array(z.object(fullShapeButPassword)),
})

/** Of the condensed page, only what the full object lacks (joined by `_id`). */
export const SipAccountCondensedExtrasSchema = z.looseObject({
  ...listShape,
  sipAccounts: z.array(z.object({ _id: IdSchema, ratePlanName: nullish(z.string()), voiceUsage: nullish(VoiceUsageListSchema) })),
})

export const SIP_LIST_LIMIT = { min: 1, max: 500, default: 100 } as const

/**
 * The longest `filter` (GET /sip and GET /customer), a decision of this project (the docs name
 * none): the reference server answers a longer one with 400 `filter`, and the dashboard cuts a
 * longer search from a link to it, so it never sends one. Nobody types more.
 */
export const FILTER_MAX_LENGTH = 200

export function isPbxTrunk(account: { pbx?: number | null }): boolean {
  return account.pbx != null && account.pbx > 0
}
