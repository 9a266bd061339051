import fc from 'fast-check'
import { expect, test } from 'vitest'
import { ApiErrorBodySchema } from '../src/api/api-error.ts'
import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts'
import { createTestServer } from './test-support.ts'

/** Number of random requests; reported in the README (npx vitest run --project node server/fuzz.test.ts). */
const FUZZ_RUNS = 4000

// All fuzz requests share one address; without a higher per-address limit the login path would
// be a 429 after the first 20 failures and the fuzzer would stop exploring it.
const api = createTestServer({ accounts: 150, loginAddressFailureLimit: FUZZ_RUNS })
const tokens = [api.tokenFor('admin'), api.tokenFor('viewer'), api.tokenFor('reseller'), api.tokenFor('personal')]

const ids = [...Object.values(DEMO_CUSTOMER_IDS), ...Object.values(DEMO_ACCOUNT_IDS), DEMO_CUSTOMER_IDS.demoCustomer.toUpperCase()]
const segment = fc.oneof(
  fc.constantFrom(
    'sip',
    'auth',
    'login',
    'logout',
    'validateToken',
    'customer',
    'resellers',
    'list',
    'name',
    '',
    '..',
    '%',
    '%00',
    '%E0%A4%A',
  ),
  fc.constantFrom(...ids),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponent),
)
const path = fc.oneof(
  fc.constantFrom('/sip', '/auth/login', '/auth/validateToken', '/auth/logout', '/customer', '/customer/resellers/list'),
  fc.constantFrom(...ids).map((id) => `/sip/${id}`),
  fc.constantFrom(...ids).map((id) => `/customer/${id}/name`),
  fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
)
const value = fc.oneof(
  fc.constantFrom('true', 'false', '0', '-1', '1', '500', '501', '99999999999999999999', 'NaN', '1e3', '', ' ', '%', '%zz'),
  fc.constantFrom(...ids),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.string({ maxLength: 250 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
)
const key = fc.oneof(
  fc.constantFrom('customer', 'reseller', 'offset', 'limit', 'filter', 'full', 'up', 'token', 'extend', 'includeSubresellers', 'expand'),
  fc.string({ maxLength: 8 }),
)
const query = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString())
const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...tokens).map((t) => `Bearer ${t}`),
  fc.constantFrom(...tokens),
  fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
  fc.string({ maxLength: 40 }),
)
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        username: fc.oneof(fc.constantFrom(DEMO_USERS.viewer.email, DEMO_USERS.sms.email, 'x@y.z'), fc.string(), fc.integer()),
        password: fc.oneof(fc.constant(DEMO_PASSWORD), fc.string({ maxLength: 2000 }), fc.constant(null)),
        smsKey: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
        persist: fc.oneof(fc.boolean(), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
)
const method = fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD')

test(`${FUZZ_RUNS} random requests: never a 5xx, never an exception, errors always in the documented shape`, async () => {
  let requests = 0
  await fc.assert(
    fc.asyncProperty(method, path, query, authorization, body, async (m, p, q, auth, b) => {
      const headers = new Headers()
      if (auth !== undefined) headers.set('Authorization', auth)
      if (b !== undefined) headers.set('Content-Type', 'application/json')
      const request = new Request(`http://reference.test${p}${q ? `?${q}` : ''}`, {
        method: m,
        headers,
        body: m === 'GET' || m === 'HEAD' ? null : (b ?? null),
      })
      const response = await api.app.fetch(request)
      requests++
      expect(response.status).toBeLessThan(500)
      expect(response.headers.get('cache-control')).toBe('no-store')
      if (m === 'HEAD') return
      const text = await response.text()
      const json: unknown = JSON.parse(text)
      if (response.status >= 400) expect(ApiErrorBodySchema.safeParse(json).success).toBe(true)
    }),
    { numRuns: FUZZ_RUNS },
  )
  expect(requests).toBe(FUZZ_RUNS)
}, 60_000)
