import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import * as z from 'zod/mini'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { getJson, postJson } from '../../src/api/http.ts'

/*
 * Credentials at rest (OWASP ASVS V8): GET /sip can carry SIP passwords, so no response may be
 * kept by the browser's HTTP cache. The server says `Cache-Control: no-store`; the dashboard's
 * own fetches ask for no-store too, and send no cookies (the token is a header, nothing ambient).
 */

const seen: Request[] = []
const server = setupServer(
  http.all('*/api/*', ({ request }) => {
    seen.push(request)
    return HttpResponse.json({ ok: true })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  seen.length = 0
})
afterAll(() => server.close())

const Ok = z.looseObject({ ok: z.boolean() })

test('every GET and POST asks the browser not to store the response, and sends no cookies', async () => {
  await getJson('/sip', { full: true }, Ok, { token: 't' })
  await getJson('/sip/aaaaaaaaaaaaaaaaaaaaaaaa', {}, Ok, { token: 't' })
  await postJson('/auth/login', { username: 'a@b.c', password: 'pw' }, Ok)
  expect(seen).toHaveLength(3)
  for (const request of seen) {
    expect(request.cache).toBe('no-store')
    expect(request.credentials).toBe('omit')
  }
})
