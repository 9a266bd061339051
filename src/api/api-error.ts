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
  /**
   * The message is the API's own (its error body's `message`, data to show as it is). Otherwise
   * the dashboard wrote it, in English: the UI shows it in the page's language (src/lib/error-text.ts)
   * from kind, status, field and issue.
   */
  readonly fromServer: boolean
  /** For contract errors: what the parser found wrong (its own technical words); none when the body was not JSON. */
  readonly issue: string | undefined

  constructor(init: {
    kind: ApiErrorKind
    status: number
    code: string
    message: string
    field?: string | undefined
    fromServer?: boolean
    issue?: string | undefined
  }) {
    super(init.message)
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
    this.field = init.field
    this.fromServer = init.fromServer ?? false
    this.issue = init.issue
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
