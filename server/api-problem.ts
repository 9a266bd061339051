import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Thrown anywhere in a handler; the app's onError turns it into the documented error body. */
export class ApiProblem extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly headers: Record<string, string>
  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.status = status
    this.code = code
    this.headers = headers
  }
}

export function denied(message = 'Insufficient access level'): ApiProblem {
  return new ApiProblem(403, 'access_denied', message)
}
