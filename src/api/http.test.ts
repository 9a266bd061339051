import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import * as z from 'zod/mini'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { ApiError } from './api-error.ts'
import { apiUrl, getJson, postJson, redactTokens, warmGet } from './http.ts'
import { SipAccountListSchema } from './sip-account.ts'

const seen: Request[] = []
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  seen.length = 0
})
afterAll(() => server.close())

const Ok = z.looseObject({ ok: z.boolean() })

function answer(response: () => Response) {
  server.use(
    http.all('*/api/*', ({ request }) => {
      seen.push(request.clone())
      return response()
    }),
  )
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

test('the token travels in the Authorization header, not in the URL of an ordinary request', async () => {
  answer(() => HttpResponse.json({ ok: true }))
  await getJson('/sip', { filter: 'x' }, Ok, { token: 'secret-token' })
  const request = seen[0]
  expect(request?.headers.get('authorization')).toBe('Bearer secret-token')
  expect(request?.url).not.toContain('secret-token')
})

test('query values: absent and empty are left out, booleans are true/false', () => {
  const url = apiUrl('/sip', { customer: undefined, filter: '', full: true, up: false, offset: 0, limit: 25 })
  expect(url.pathname).toBe('/api/sip')
  expect(url.search).toBe('?full=true&up=false&offset=0&limit=25')
})

test('an API error becomes an ApiError with status, code and message', async () => {
  answer(() => HttpResponse.json({ error: { code: 'access_denied', message: 'No access', status: 403 } }, { status: 403 }))
  const error = await failure(getJson('/sip', {}, Ok))
  expect(error).toMatchObject({ kind: 'http', status: 403, code: 'access_denied', message: 'No access' })
})

test('an error body with an array of errors uses the first', async () => {
  answer(() => HttpResponse.json({ error: [{ code: 'customer', message: 'Customer not found' }] }, { status: 400 }))
  const error = await failure(getJson('/sip', {}, Ok))
  expect(error).toMatchObject({ status: 400, code: 'customer' })
})

test('a 401 without a body is still an unauthorized ApiError', async () => {
  answer(() => new HttpResponse(null, { status: 401 }))
  const error = await failure(getJson('/sip', {}, Ok))
  expect(error.isUnauthorized).toBe(true)
  expect(error.code).toBe('http_401')
})

test('a network failure becomes a network ApiError', async () => {
  answer(() => HttpResponse.error())
  const error = await failure(getJson('/sip', {}, Ok))
  expect(error).toMatchObject({ kind: 'network', status: 0 })
})

test('a payload that breaks the contract names the offending field', async () => {
  answer(() =>
    HttpResponse.json({ offset: 0, limit: 1, total: 1, sipAccounts: [{ _id: 'aaaaaaaaaaaaaaaaaaaaaaaa', numbers: 'not a list' }] }),
  )
  const error = await failure(getJson('/sip', {}, SipAccountListSchema))
  expect(error).toMatchObject({ kind: 'contract', field: 'sipAccounts.0.numbers' })
  expect(error.message).toContain('sipAccounts.0.numbers')
})

test('a response that is not JSON is a contract error', async () => {
  answer(() => new HttpResponse('<html>proxy error</html>', { status: 200 }))
  const error = await failure(getJson('/sip', {}, Ok))
  expect(error.kind).toBe('contract')
})

test('an aborted request rejects with the abort, not an ApiError', async () => {
  answer(() => HttpResponse.json({ ok: true }))
  const controller = new AbortController()
  controller.abort()
  const error = await getJson('/sip', {}, Ok, { signal: controller.signal }).catch((e: unknown) => e)
  expect(error).not.toBeInstanceOf(ApiError)
  expect(error).toBeInstanceOf(Error)
})

test('postJson sends a JSON body', async () => {
  answer(() => HttpResponse.json({ ok: true }))
  await postJson('/auth/login', { username: 'a@b.c', password: 'pw' }, Ok)
  const request = seen[0]
  expect(request?.method).toBe('POST')
  expect(request?.headers.get('content-type')).toBe('application/json')
  expect(await request?.json()).toEqual({ username: 'a@b.c', password: 'pw' })
})

test('an API message that quotes a URL with token= shows the token redacted', async () => {
  answer(() =>
    HttpResponse.json(
      { error: { code: 'not_found', message: 'No route for /auth/validateToken?token=abc.DEF-123&extend=true', status: 404 } },
      { status: 404 },
    ),
  )
  const error = await failure(getJson('/auth/validateToken', { token: 'abc.DEF-123', extend: true }, Ok, { token: 'abc.DEF-123' }))
  expect(error.message).not.toContain('abc.DEF-123')
  expect(error.message).toContain('token=[redacted]&extend=true')
  expect(redactTokens('GET /x?a=1&token=s3cr%2Ft#frag')).toBe('GET /x?a=1&token=[redacted]#frag')
})

test('a network failure of validateToken names no URL and no token', async () => {
  answer(() => HttpResponse.error())
  const error = await failure(getJson('/auth/validateToken', { token: 'abc-secret', extend: true }, Ok, { token: 'abc-secret' }))
  expect(`${error.message} ${error.stack ?? ''}`).not.toContain('abc-secret')
})

/** An answer that waits until `release()` and counts the requests that reached the server. */
function held() {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.all('*/api/*', async ({ request }) => {
      seen.push(request.clone())
      await released
      return HttpResponse.json({ ok: true, n: seen.length })
    }),
  )
  return { release }
}

test('a warm GET is taken over by the first identical getJson: one request, parsed by the claimant', async () => {
  const { release } = held()
  warmGet('/sip', { offset: 0, limit: 25 }, 'tok')
  const claimed = getJson('/sip', { offset: 0, limit: 25 }, Ok, { token: 'tok' })
  release()
  expect(await claimed).toEqual({ ok: true, n: 1 })
  expect(seen).toHaveLength(1)
  expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok')
  // Taken once: the next identical request goes to the network.
  await getJson('/sip', { offset: 0, limit: 25 }, Ok, { token: 'tok' })
  expect(seen).toHaveLength(2)
})

test('a warm GET is not handed to another token, another query or after discard', async () => {
  const { release } = held()
  release()
  const discard = warmGet('/sip', { offset: 0, limit: 25 }, 'tok')
  await getJson('/sip', { offset: 0, limit: 25 }, Ok, { token: 'other' })
  await getJson('/sip', { offset: 25, limit: 25 }, Ok, { token: 'tok' })
  expect(seen).toHaveLength(3)
  discard()
  await getJson('/sip', { offset: 0, limit: 25 }, Ok, { token: 'tok' })
  expect(seen).toHaveLength(4)
})

test('aborting the claimant aborts the warm request it took over', async () => {
  held()
  warmGet('/sip', { limit: 25 }, 'tok')
  const controller = new AbortController()
  const claimed = getJson('/sip', { limit: 25 }, Ok, { token: 'tok', signal: controller.signal })
  controller.abort()
  const error = await claimed.catch((e: unknown) => e)
  expect(error).not.toBeInstanceOf(ApiError)
  expect(error).toBeInstanceOf(Error)
})
