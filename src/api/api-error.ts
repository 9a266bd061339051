import * as z from 'zod/mini'

export const ErrorDetailSchema = z.looseObject({
  code: z.string(),
  message: z.optional(z.string()),
  status: z.optional(z.number()),
  path: z.optional(z.string()),
  check: z.optional(z.string()),
})

/** `{ error: {...} }`; the docs say "one or more errors", so an array is accepted too. */
export const ApiErrorBodySchema = z.looseObject({
  error: z.union([ErrorDetailSchema, z.array(ErrorDetailSchema).check(z.minLength(1))]),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>

export type ApiErrorKind = 'http' | 'network' | 'contract'

/**
 * Every failure of a request ends as one of these: an HTTP error with the API's code,
 * a network failure, or a response that breaks the contract (with the offending field path).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /** HTTP status; 0 for network failures. */
  readonly status: number
  /** The API's error code ('customer', 'access_denied', 'expired', ...), or the kind. */
  readonly code: string
  /** For contract errors: the path of the first offending field, e.g. `sipAccounts.3.status`. */
  readonly field: string | undefined

  constructor(init: { kind: ApiErrorKind; status: number; code: string; message: string; field?: string }) {
    super(init.message)
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
    this.field = init.field
  }

  /** The token is missing, expired or not accepted: sign in again. */
  get isUnauthorized(): boolean {
    return this.kind === 'http' && this.status === 401
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Worth retrying: the network and 5xx (they may pass). Never 4xx (a retry gets the same answer) or a broken contract. */
export function isTransient(error: unknown): boolean {
  return isApiError(error) && (error.kind === 'network' || (error.kind === 'http' && error.status >= 500))
}

export function errorBody(code: string, message: string, status: number): ApiErrorBody {
  return { error: { code, message, status } }
}
