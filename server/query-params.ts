import * as z from 'zod/mini'
import { IdSchema, isId } from '../src/api/ids.ts'
import { FILTER_MAX_LENGTH, SIP_LIST_LIMIT } from '../src/api/sip-account.ts'

/*
 * Query parameters arrive as strings; each endpoint parses its own with a zod schema. The error
 * code of a bad parameter is the parameter's name, the way the API documents `400 customer`.
 * Unknown parameters are ignored (as real APIs do with cache busters and `expand`), but a known
 * one given twice is a 400: picking the first or last silently would hide client bugs. A list
 * parameter (customerIds) is the exception: its repeated form is a documented way to send a list.
 */

const OFFSET_MAX = 1_000_000_000

const booleanParam = z.pipe(
  z.enum(['true', 'false'], 'use true or false'),
  z.transform((value) => value === 'true'),
)
const offsetParam = z.pipe(
  z.pipe(z.string().check(z.regex(/^\d{1,10}$/, 'offset must be a whole number ≥ 0')), z.transform(Number)),
  z.number().check(z.lte(OFFSET_MAX, 'offset is too large')),
)
const limitParam = z.pipe(
  z.pipe(
    z.string().check(z.regex(/^\d{1,4}$/, `limit must be a whole number from ${SIP_LIST_LIMIT.min} to ${SIP_LIST_LIMIT.max}`)),
    z.transform(Number),
  ),
  z
    .number()
    .check(
      z.gte(SIP_LIST_LIMIT.min, `limit must be at least ${SIP_LIST_LIMIT.min}`),
      z.lte(SIP_LIST_LIMIT.max, `limit must be at most ${SIP_LIST_LIMIT.max}`),
    ),
)
/** Surrounding spaces are ignored; an empty filter is no filter. */
const filterParam = z.pipe(
  z.string().check(z.maxLength(FILTER_MAX_LENGTH, `filter must be at most ${FILTER_MAX_LENGTH} characters`)),
  z.transform((value) => value.trim()),
)
const idParam = z.pipe(
  IdSchema,
  z.transform((value) => value.toLowerCase()),
)

export const SipListQuerySchema = z.object({
  customer: z.optional(idParam),
  reseller: z.optional(idParam),
  offset: z._default(offsetParam, 0),
  limit: z._default(limitParam, SIP_LIST_LIMIT.default),
  filter: z.optional(filterParam),
  full: z.optional(booleanParam),
  up: z.optional(booleanParam),
})

/** The most customers one GET /customer may name: one page of the SIP list names at most 500. */
export const CUSTOMER_IDS_MAX = 500
/*
 * customerIds arrives joined with commas (parseQuery joins the repeated form the same way). An
 * empty item (`a,,b`, a trailing comma, an empty value) is a 400 rather than "no filter": a client
 * that labels an empty page must not get every customer back.
 */
const customerIdsParam = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const items = value.split(',').map((item) => item.trim())
    if (items.length > CUSTOMER_IDS_MAX) {
      ctx.issues.push({ code: 'custom', input: value, message: `customerIds names ${items.length} ids; at most ${CUSTOMER_IDS_MAX}` })
      return z.NEVER
    }
    if (!items.every(isId)) {
      ctx.issues.push({ code: 'custom', input: value, message: 'customerIds must be 24-character hex ids separated by commas' })
      return z.NEVER
    }
    return [...new Set(items.map((item) => item.toLowerCase()))]
  }),
)

export const CustomerListQuerySchema = z.object({
  filter: z.optional(filterParam),
  offset: z._default(offsetParam, 0),
  limit: z._default(limitParam, SIP_LIST_LIMIT.default),
  includeSubresellers: z.optional(booleanParam),
  customerIds: z.optional(customerIdsParam),
  resellers: z.optional(booleanParam),
  parentReseller: z.optional(idParam),
  all: z.optional(booleanParam),
  includeDeleted: z.optional(booleanParam),
  full: z.optional(booleanParam),
})
export type CustomerListParams = z.infer<typeof CustomerListQuerySchema>
/** Parameters of GET /customer that may be repeated (`customerIds=a&customerIds=b`). */
export const CUSTOMER_LIST_REPEATABLE = ['customerIds'] as const

export const ValidateTokenQuerySchema = z.object({
  token: z.optional(z.string().check(z.maxLength(512))),
  extend: z.optional(booleanParam),
})

export const EmptyQuerySchema = z.object({})

export const PathIdSchema = idParam

export class ParamError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * Reads the known parameters of `schema` from the URL (repeats rejected, except the `repeatable`
 * list parameters, whose values are joined with commas) and parses them.
 * Throws ParamError(code = parameter name) on the first bad one.
 */
export function parseQuery<S extends z.ZodMiniObject>(url: string, schema: S, repeatable: readonly string[] = []): z.infer<S> {
  const params = new URL(url).searchParams
  const known = Object.keys(schema.shape)
  const single: Record<string, string> = {}
  for (const key of known) {
    const values = params.getAll(key)
    // A list parameter's repeated form means the same as its comma-separated form.
    if (repeatable.includes(key) && values.length > 1) {
      single[key] = values.join(',')
      continue
    }
    if (values.length > 1) throw new ParamError(key, `${key} was given ${values.length} times; give it once`)
    const value = values[0]
    if (value !== undefined) single[key] = value
  }
  const parsed = schema.safeParse(single)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const key = typeof issue?.path[0] === 'string' ? issue.path[0] : 'query'
  const message =
    key === 'customer' || key === 'reseller' || key === 'parentReseller'
      ? `${key} must be a 24-character hex id`
      : issue?.message.startsWith(key)
        ? issue.message
        : `${key}: ${issue?.message ?? 'not valid'}`
  throw new ParamError(key, message)
}
