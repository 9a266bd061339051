import type * as z from 'zod/mini'
import { ApiError, ApiErrorBodySchema } from './api-error.ts'

/** The dashboard reaches the API only under this relative base; Vite (or nginx) proxies it. */
export const API_BASE = '/api'

export type QueryValue = string | number | boolean | undefined | null
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  signal?: AbortSignal | undefined
  /** Sent as `Authorization: Bearer <token>` (only validateToken also names it in its URL, as documented). */
  token?: string | null | undefined
}

/** Builds `/api/path?…`; absent values are left out, booleans are sent as true/false. */
export function apiUrl(path: string, query: Query = {}): URL {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  const url = new URL(`${API_BASE}${path}`, origin)
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    url.searchParams.set(key, String(value))
  }
  return url
}

interface WarmRequest {
  response: Promise<Response>
  controller: AbortController
}

/** GETs sent ahead of the code that will parse them, by token and URL; each is claimed at most once. */
const warmRequests = new Map<string, WarmRequest>()
/** An early GET nobody claimed by then is dropped (and aborted): it was for the first render only. */
export const WARM_REQUEST_TTL_MS = 10_000

const warmKey = (url: URL, token: string): string => `${token} ${url.href}`

/**
 * Sends a GET now, before anyone can parse it (no schema, no access rules yet), so that the first
 * `getJson` for exactly the same path, query and token takes over the request in flight instead of
 * sending another. Nothing is parsed or kept until then: the claimant parses it with its schema as
 * if it had fetched it itself. Used to overlap a resume's validateToken with the first list page.
 * Returns `discard`, which aborts and forgets it if it was not claimed.
 */
export function warmGet(path: string, query: Query, token: string): () => void {
  const key = warmKey(apiUrl(path, query), token)
  warmRequests.get(key)?.controller.abort()
  const controller = new AbortController()
  const response = fetch(apiUrl(path, query), {
    method: 'GET',
    headers: authHeaders(token),
    signal: controller.signal,
    cache: 'no-store',
    credentials: 'omit',
  })
  // Unclaimed, its failure is nobody's concern; a claimant sees it through its own await.
  response.catch(() => undefined)
  const entry = { response, controller }
  warmRequests.set(key, entry)
  const discard = () => {
    if (warmRequests.get(key) !== entry) return
    warmRequests.delete(key)
    controller.abort()
  }
  setTimeout(discard, WARM_REQUEST_TTL_MS)
  return discard
}

/** Takes over a warm GET for this URL and token, if one is waiting; the caller's signal then aborts it. */
function claimWarm(url: URL, token: string | null | undefined, signal: AbortSignal | undefined): Promise<Response> | undefined {
  if (!token) return undefined
  const key = warmKey(url, token)
  const entry = warmRequests.get(key)
  if (!entry) return undefined
  warmRequests.delete(key)
  if (signal?.aborted) entry.controller.abort()
  else signal?.addEventListener('abort', () => entry.controller.abort(), { once: true })
  return entry.response
}

function authHeaders(token: string | null | undefined, init?: HeadersInit): Headers {
  const headers = new Headers(init)
  headers.set('Accept', 'application/json')
  if (token) headers.set('Authorization', `Bearer ${token}`)
  return headers
}

export function getJson<S extends z.ZodMiniType>(path: string, query: Query, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  return request(apiUrl(path, query), { method: 'GET' }, schema, options)
}

export function postJson<S extends z.ZodMiniType>(
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  return request(
    apiUrl(path),
    { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
    schema,
    options,
  )
}

async function request<S extends z.ZodMiniType>(
  url: URL,
  init: RequestInit,
  schema: S,
  { signal, token }: RequestOptions,
): Promise<z.infer<S>> {
  const headers = authHeaders(token, init.headers)

  let response: Response
  try {
    const warm = init.method === 'GET' ? claimWarm(url, token, signal) : undefined
    // no-store: responses can carry SIP passwords and must never sit in the browser's HTTP cache.
    response = await (warm ?? fetch(url, { ...init, headers, signal: signal ?? null, cache: 'no-store', credentials: 'omit' }))
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError({
      kind: 'network',
      status: 0,
      code: 'network',
      message: 'Cannot reach the Telecom X API. Check your connection and try again.',
    })
  }

  const body = await readJson(response)
  if (!response.ok) throw httpError(response, body)
  if (body === undefined) throw contractError(undefined, undefined)

  const parsed = schema.safeParse(body.value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue ? issue.path.map(String).join('.') : undefined
    throw contractError(field, issue?.message ?? 'Invalid response')
  }
  return parsed.data
}

async function readJson(response: Response): Promise<{ value: unknown } | undefined> {
  const text = await response.text().catch(() => '')
  if (!text) return undefined
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

function httpError(response: Response, body: { value: unknown } | undefined): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(body?.value)
  const detail = parsed.success ? (Array.isArray(parsed.data.error) ? parsed.data.error[0] : parsed.data.error) : undefined
  return new ApiError({
    kind: 'http',
    status: response.status,
    code: detail?.code ?? `http_${response.status}`,
    message: detail?.message ? redactTokens(detail.message) : defaultMessage(response.status),
    fromServer: Boolean(detail?.message),
  })
}

/**
 * The API's own message is shown to the user; should it ever quote a request URL (a proxy's error
 * page, a path in a 404), validateToken's `token=` value must not reach the screen or a bug report.
 */
export function redactTokens(text: string): string {
  return text.replace(/([?&]token=)[^&#\s"'<>]+/gi, '$1[redacted]')
}

/** `issue`: what the parser found wrong; undefined when the body is not JSON at all. */
function contractError(field: string | undefined, issue: string | undefined): ApiError {
  const where = field ? `field “${field}”` : 'the response'
  return new ApiError({
    kind: 'contract',
    status: 200,
    code: 'contract',
    field,
    issue,
    message: `The API sent data this dashboard does not understand: ${where} (${issue ?? 'The response is not JSON'}).`,
  })
}

/**
 * The dashboard's own words (in English) where the API sent none. Error texts in the UI come from
 * src/lib/error-text.ts, which says the same in the page's language; keep the two in step.
 */
function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.'
  if (status === 403) return 'You do not have access to this.'
  if (status === 404) return 'Not found.'
  if (status === 429) return 'Too many attempts. Wait a minute and try again.'
  if (status >= 500) return 'The Telecom X API had a problem. Try again in a moment.'
  return `The request failed (HTTP ${status}).`
}
