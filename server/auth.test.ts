import { describe, expect, test } from 'vitest'
import { ApiErrorBodySchema } from '../src/api/api-error.ts'
import { LoginResponseSchema, ValidateTokenResponseSchema } from '../src/api/auth.ts'
import { DEMO_AUTHENTICATOR_TOKEN, DEMO_PASSWORD, DEMO_SMS_KEY, DEMO_USERS, DEMO_USER_LIST } from './demo-users.ts'
import { createTestServer, type TestResponse } from './test-support.ts'
import { hashToken } from './tokens.ts'

function errorCode(response: TestResponse): string | undefined {
  const parsed = ApiErrorBodySchema.parse(response.body)
  const error = Array.isArray(parsed.error) ? parsed.error[0] : parsed.error
  expect(error?.status).toBe(response.status)
  return error?.code
}

const login = (username: string, extra: Record<string, unknown> = {}) => ({ username, password: DEMO_PASSWORD, ...extra })

describe('POST /auth/login', () => {
  const api = createTestServer()

  test('every demo user without a second factor signs in with the documented response', async () => {
    for (const user of DEMO_USER_LIST.filter((u) => !u.smsKey && !u.authenticatorToken)) {
      const response = await api.post('/auth/login', login(user.email))
      expect(response.status, user.email).toBe(200)
      const body = LoginResponseSchema.parse(response.body)
      expect(body).toMatchObject({ employee: user.employeeId, customer: user.customerId, accessLevel: user.accessLevel, expiresInMinutes: 15 })
      expect(body.customerName).toBeTruthy()
      expect(body.customerFeatures).toContain('SIP')
      expect(body.token.length).toBeGreaterThanOrEqual(43)
      expect('customerIntegrations' in body).toBe(user.accessLevel === 'RESELLER' || user.accessLevel === 'RESELLER_ADMIN')
    }
  })

  test('the e-mail is case-insensitive and tokens differ per login', async () => {
    const a = LoginResponseSchema.parse((await api.post('/auth/login', login('  Viewer@TelecomX.test '))).body)
    const b = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.viewer.email))).body)
    expect(a.token).not.toBe(b.token)
  })

  test('persist gives a token that never expires (-1)', async () => {
    const body = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.owner.email, { persist: true }))).body)
    expect(body.expiresInMinutes).toBe(-1)
  })

  test('a wrong password or unknown user is 401 credentials_invalid', async () => {
    const wrong = await api.post('/auth/login', { username: DEMO_USERS.manager.email, password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(errorCode(wrong)).toBe('credentials_invalid')
    const unknown = await api.post('/auth/login', login('ghost@telecomx.test'))
    expect(errorCode(unknown)).toBe('credentials_invalid')
  })

  test('the SMS user is asked for smsKey, refused a wrong one, admitted with the right one', async () => {
    const missing = await api.post('/auth/login', login(DEMO_USERS.sms.email))
    expect([missing.status, errorCode(missing)]).toEqual([401, 'smsKey'])
    const wrong = await api.post('/auth/login', login(DEMO_USERS.sms.email, { smsKey: '000000' }))
    expect([wrong.status, errorCode(wrong)]).toEqual([401, 'smsKey'])
    const ok = await api.post('/auth/login', login(DEMO_USERS.sms.email, { smsKey: DEMO_SMS_KEY }))
    expect(ok.status).toBe(200)
    // The second-factor code never unlocks without the password.
    const noPassword = await api.post('/auth/login', { username: DEMO_USERS.sms.email, password: 'x', smsKey: DEMO_SMS_KEY })
    expect(errorCode(noPassword)).toBe('credentials_invalid')
  })

  test('the TOTP user is asked for authenticatorToken', async () => {
    const missing = await api.post('/auth/login', login(DEMO_USERS.totp.email, { smsKey: DEMO_AUTHENTICATOR_TOKEN }))
    expect([missing.status, errorCode(missing)]).toEqual([401, 'authenticatorToken'])
    const ok = await api.post('/auth/login', login(DEMO_USERS.totp.email, { authenticatorToken: DEMO_AUTHENTICATOR_TOKEN }))
    expect(LoginResponseSchema.parse(ok.body).accessLevel).toBe('OWNER')
  })

  test('bodies: non-JSON 400 body, missing fields 400 by field name, wrong types 400, too large 413', async () => {
    const notJson = await api.post('/auth/login', 'username=a&password=b', { 'Content-Type': 'application/x-www-form-urlencoded' })
    expect([notJson.status, errorCode(notJson)]).toEqual([400, 'body'])
    const empty = await api.post('/auth/login', '')
    expect([empty.status, errorCode(empty)]).toEqual([400, 'body'])
    const array = await api.post('/auth/login', [1, 2])
    expect(array.status).toBe(400)
    const noPassword = await api.post('/auth/login', { username: DEMO_USERS.viewer.email })
    expect([noPassword.status, errorCode(noPassword)]).toEqual([400, 'password'])
    const badPersist = await api.post('/auth/login', login(DEMO_USERS.viewer.email, { persist: 'yes' }))
    expect([badPersist.status, errorCode(badPersist)]).toEqual([400, 'persist'])
    const huge = await api.post('/auth/login', login(DEMO_USERS.viewer.email, { padding: 'x'.repeat(20_000) }))
    expect([huge.status, errorCode(huge)]).toEqual([413, 'body'])
  })

  test('the GET form (password in the URL) is refused', async () => {
    const response = await api.get(`/auth/login?username=${DEMO_USERS.viewer.email}&password=${DEMO_PASSWORD}`)
    expect(response.status).toBe(405)
    expect(errorCode(response)).toBe('method_not_allowed')
  })
})

describe('throttling', () => {
  test('5 failures per e-mail per minute → 429 throttled, even with the right password; other users unaffected; lifts after the window', async () => {
    let now = 1_700_000_000_000
    const api = createTestServer({ now: () => now })
    const email = DEMO_USERS.manager.email
    for (let i = 0; i < 5; i++) {
      const response = await api.post('/auth/login', { username: email, password: `wrong-${i}` })
      expect(response.status).toBe(401)
    }
    const blocked = await api.post('/auth/login', login(email))
    expect([blocked.status, errorCode(blocked)]).toEqual([429, 'throttled'])
    expect(blocked.headers.get('retry-after')).toBe('60')
    // Another spelling of the same address is the same bucket.
    expect((await api.post('/auth/login', login(email.toUpperCase()))).status).toBe(429)
    expect((await api.post('/auth/login', login(DEMO_USERS.viewer.email))).status).toBe(200)
    now += 61_000
    expect((await api.post('/auth/login', login(email))).status).toBe(200)
  })

  test('a success clears earlier failures', async () => {
    const api = createTestServer()
    const email = DEMO_USERS.owner.email
    for (let i = 0; i < 4; i++) await api.post('/auth/login', { username: email, password: 'wrong' })
    expect((await api.post('/auth/login', login(email))).status).toBe(200)
    for (let i = 0; i < 4; i++) await api.post('/auth/login', { username: email, password: 'wrong' })
    expect((await api.post('/auth/login', login(email))).status).toBe(200)
  })
})

describe('tokens', () => {
  test('a token works for 15 minutes and then answers 401 expired (injected clock)', async () => {
    let now = 1_700_000_000_000
    const api = createTestServer({ now: () => now })
    const { token } = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.viewer.email))).body)
    now += 15 * 60_000 - 1
    expect((await api.get('/sip?limit=1', token)).status).toBe(200)
    now += 1
    const expired = await api.get('/sip?limit=1', token)
    expect([expired.status, errorCode(expired)]).toEqual([401, 'expired'])
  })

  test('a persist token outlives the 15 minutes', async () => {
    let now = 1_700_000_000_000
    const api = createTestServer({ now: () => now })
    const { token } = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.viewer.email, { persist: true }))).body)
    now += 365 * 24 * 60 * 60_000
    expect((await api.get('/sip?limit=1', token)).status).toBe(200)
  })

  test('logout ends every token of that user, and only that user', async () => {
    const api = createTestServer()
    const first = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.owner.email))).body).token
    const second = LoginResponseSchema.parse((await api.post('/auth/login', login(DEMO_USERS.owner.email))).body).token
    const other = api.tokenFor('viewer')
    const out = await api.get('/auth/logout', first)
    expect(out.status).toBe(200)
    expect(out.body).toMatchObject({ success: true })
    for (const token of [first, second]) {
      const response = await api.get('/sip', token)
      expect([response.status, errorCode(response)]).toEqual([401, 'invalid_token'])
    }
    expect((await api.get('/sip', other)).status).toBe(200)
  })

  test('the Authorization header: missing or malformed → format_error; unknown → invalid_token', async () => {
    const api = createTestServer()
    const token = api.tokenFor('viewer')
    const cases: [Record<string, string>, string][] = [
      [{}, 'format_error'],
      [{ Authorization: token }, 'format_error'],
      [{ Authorization: `Basic ${token}` }, 'format_error'],
      [{ Authorization: 'Bearer' }, 'format_error'],
      [{ Authorization: `Bearer ${token} extra` }, 'format_error'],
      [{ Authorization: 'Bearer <script>' }, 'format_error'],
      [{ Authorization: `Bearer ${'a'.repeat(600)}` }, 'format_error'],
      [{ Authorization: 'Bearer not-a-real-token' }, 'invalid_token'],
    ]
    for (const [headers, code] of cases) {
      const response = await api.get('/sip', null, headers)
      expect([response.status, errorCode(response)], JSON.stringify(headers)).toEqual([401, code])
    }
    // The token is never read from the query string (except validateToken's documented param).
    const inQuery = await api.get(`/sip?token=${token}`)
    expect(inQuery.status).toBe(401)
  })

  test('tokens are stored only as SHA-256, and a token one character off is refused', async () => {
    const api = createTestServer()
    const token = api.tokenFor('admin')
    const rows = api.db.prepare('SELECT token_hash FROM tokens').all()
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(api.db.prepare('SELECT count(*) AS n FROM tokens WHERE token_hash = ?').get(hashToken(token))).toEqual({ n: 1 })
    const last = token.at(-1) === 'A' ? 'B' : 'A'
    const nearMiss = await api.get('/sip', `${token.slice(0, -1)}${last}`)
    expect(errorCode(nearMiss)).toBe('invalid_token')
    expect((await api.get('/sip', token)).status).toBe(200)
  })
})

describe('GET /auth/validateToken', () => {
  const api = createTestServer()

  test('accepts the documented ?token= and the Bearer header; extend adds name, language, customer', async () => {
    const token = api.tokenFor('reseller')
    const viaQuery = ValidateTokenResponseSchema.parse((await api.get(`/auth/validateToken?token=${encodeURIComponent(token)}`)).body)
    expect(viaQuery).toEqual({
      success: true,
      employee: DEMO_USERS.reseller.employeeId,
      customer: DEMO_USERS.reseller.customerId,
      accessLevel: 'RESELLER',
    })
    const viaHeader = await api.get('/auth/validateToken?extend=true', token)
    expect(ValidateTokenResponseSchema.parse(viaHeader.body)).toMatchObject({
      success: true,
      name: DEMO_USERS.reseller.name,
      language: 'da',
      customerName: 'Nordisk Telefoni Partner A/S',
      customerFeatures: ['SIP', 'PBX'],
    })
  })

  test('no token, a bad one, a repeated one or a bad extend are errors', async () => {
    expect(errorCode(await api.get('/auth/validateToken'))).toBe('format_error')
    expect(errorCode(await api.get('/auth/validateToken?token=nope'))).toBe('invalid_token')
    const token = api.tokenFor('viewer')
    expect(errorCode(await api.get(`/auth/validateToken?token=${token}&token=${token}`))).toBe('token')
    expect(errorCode(await api.get(`/auth/validateToken?token=${token}&extend=yes`))).toBe('extend')
  })
})

test('every response, errors included, says Cache-Control: no-store', async () => {
  const api = createTestServer()
  const token = api.tokenFor('admin')
  const responses = [
    await api.post('/auth/login', login(DEMO_USERS.viewer.email)),
    await api.post('/auth/login', 'garbage'),
    await api.get('/sip', token),
    await api.get('/sip?limit=0', token),
    await api.get('/sip'),
    await api.get('/nowhere'),
    await api.get(`/sip/${DEMO_USERS.admin.customerId}`, token),
    await api.get('/customer', token),
    await api.get('/auth/validateToken', token),
  ]
  for (const response of responses) {
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  }
})
