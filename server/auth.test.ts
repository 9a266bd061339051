import { describe, expect, test } from 'vitest'
import { LoginResponseSchema, ValidateTokenResponseSchema } from '../src/api/auth.ts'
import { DEMO_AUTHENTICATOR_TOKEN, DEMO_PASSWORD, DEMO_SMS_KEY, DEMO_USERS, DEMO_USER_LIST } from './demo-users.ts'
import { createTestServer, errorCode } from './test-support.ts'
import { verifyPassword } from './passwords.ts'
import { hashToken } from './tokens.ts'

const login = (username: string, extra: Record<string, unknown> = {}) => ({ username, password: DEMO_PASSWORD, ...extra })

describe('POST /auth/login', () => {
  const api = createTestServer()

  test('every demo user without a second factor signs in with the documented response', async () => {
    for (const user of DEMO_USER_LIST.filter((u) => !u.smsKey && !u.authenticatorToken)) {
      const response = await api.post('/auth/login', login(user.email))
      expect(response.status, user.email).toBe(200)
      const body = LoginResponseSchema.parse(response.body)
      expect(body).toMatchObject({
        employee: user.employeeId,
        customer: user.customerId,
        accessLevel: user.accessLevel,
        expiresInMinutes: 15,
      })
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

  test('30 parallel attempts (29 wrong, then the right one) get at most 5 password checks; the right one gets no token', async () => {
    let checks = 0
    const api = createTestServer({
      passwordCheck: (password, stored) => {
        checks++
        return verifyPassword(password, stored)
      },
    })
    const email = DEMO_USERS.manager.email
    const attempts = Array.from({ length: 30 }, (_, i) => (i < 29 ? { username: email, password: `wrong-${i}` } : login(email)))
    const responses = await Promise.all(attempts.map((body) => api.post('/auth/login', body)))
    const outcomes = responses.map((r) => `${r.status} ${errorCode(r) ?? ''}`)
    expect(outcomes.filter((o) => o === '401 credentials_invalid').length).toBeLessThanOrEqual(5)
    expect(outcomes.filter((o) => o === '429 throttled').length).toBeGreaterThanOrEqual(25)
    expect(outcomes.at(-1)).toBe('429 throttled')
    expect(responses.some((r) => r.status === 200)).toBe(false)
    expect(checks).toBeLessThanOrEqual(5)
  })

  test('19 wrong authenticator codes and the right one in parallel: at most 5 are checked and none signs in', async () => {
    const api = createTestServer()
    const email = DEMO_USERS.totp.email
    const attempts = Array.from({ length: 20 }, (_, i) =>
      login(email, { authenticatorToken: i < 19 ? String(100_000 + i) : DEMO_AUTHENTICATOR_TOKEN }),
    )
    const responses = await Promise.all(attempts.map((body) => api.post('/auth/login', body)))
    const outcomes = responses.map((r) => `${r.status} ${errorCode(r) ?? ''}`)
    expect(outcomes.filter((o) => o === '401 authenticatorToken').length).toBeLessThanOrEqual(5)
    expect(outcomes.at(-1)).toBe('429 throttled')
    expect(responses.some((r) => r.status === 200)).toBe(false)
  })

  test('per address: 36 failures across 9 accounts from one IP → only 20 are checked; another IP still signs in', async () => {
    let ip = '203.0.113.7'
    const api = createTestServer({ clientIp: () => ip })
    const outcomes: string[] = []
    for (let account = 0; account < 9; account++) {
      for (let i = 0; i < 4; i++) {
        const response = await api.post('/auth/login', { username: `sprayed-${account}@telecomx.test`, password: `guess-${i}` })
        outcomes.push(`${response.status} ${errorCode(response) ?? ''}`)
      }
    }
    expect(outcomes.filter((o) => o === '401 credentials_invalid')).toHaveLength(20)
    expect(outcomes.slice(20).every((o) => o === '429 throttled')).toBe(true)
    // The attacker's own address is what is blocked, even for an account it never tried.
    expect((await api.post('/auth/login', login(DEMO_USERS.viewer.email))).status).toBe(429)
    ip = '198.51.100.23'
    expect((await api.post('/auth/login', login(DEMO_USERS.viewer.email))).status).toBe(200)
  })

  test('a third party cannot keep an account locked: its failures lock its own address, the owner signs in from theirs, and a flood does not extend the window', async () => {
    let now = 1_700_000_000_000
    let ip = '203.0.113.7'
    const api = createTestServer({ now: () => now, clientIp: () => ip })
    const email = DEMO_USERS.totp.email
    for (let i = 0; i < 5; i++) await api.post('/auth/login', { username: email, password: `wrong-${i}` })
    // Keeps hammering through the window: refused unchecked, so the window does not slide.
    for (const step of [10_000, 10_000, 10_000, 10_000, 10_000, 9_999]) {
      now += step
      const refused = await api.post('/auth/login', { username: email, password: 'still-wrong' })
      expect([refused.status, errorCode(refused)]).toEqual([429, 'throttled'])
    }
    // The owner, from an address that is not throttled, gets in with password + second factor.
    ip = '198.51.100.23'
    const owner = await api.post('/auth/login', login(email, { authenticatorToken: DEMO_AUTHENTICATOR_TOKEN }))
    expect(owner.status).toBe(200)
    // The lockout ends 60 s after its first failure, however hard it was hammered in between.
    ip = '203.0.113.7'
    now += 1
    expect((await api.post('/auth/login', login(email, { authenticatorToken: DEMO_AUTHENTICATOR_TOKEN }))).status).toBe(200)
  })

  test('the throttle memory is bounded, but a flood of other e-mails does not lift a lockout (full of lockouts → 429)', async () => {
    let ip = '203.0.113.7'
    const api = createTestServer({ clientIp: () => ip, loginThrottleMaxKeys: 3 })
    const email = DEMO_USERS.manager.email
    for (let i = 0; i < 5; i++) await api.post('/auth/login', { username: email, password: `wrong-${i}` })
    for (let i = 0; i < 12; i++) {
      ip = `198.51.100.${i}`
      await api.post('/auth/login', { username: `flood-${i}@telecomx.test`, password: 'guess' })
    }
    ip = '203.0.113.7'
    const stillLocked = await api.post('/auth/login', login(email))
    expect([stillLocked.status, errorCode(stillLocked)]).toEqual([429, 'throttled'])
    // Two more lockouts fill the per-account counter: a new e-mail is refused, not let in by evicting one.
    for (const other of [DEMO_USERS.viewer.email, DEMO_USERS.owner.email]) {
      ip = `192.0.2.${other.length}`
      for (let i = 0; i < 5; i++) await api.post('/auth/login', { username: other, password: `wrong-${i}` })
    }
    ip = '192.0.2.200'
    const full = await api.post('/auth/login', login(DEMO_USERS.reseller.email))
    expect([full.status, errorCode(full)]).toEqual([429, 'throttled'])
  })

  test('a failure storm from many addresses caps the account at 50 checks per window, which then decays', async () => {
    let now = 1_700_000_000_000
    let ip = ''
    const api = createTestServer({ now: () => now, clientIp: () => ip })
    const email = DEMO_USERS.owner.email
    const outcomes: string[] = []
    for (let i = 0; i < 60; i++) {
      ip = `203.0.113.${i}`
      const response = await api.post('/auth/login', { username: email, password: `guess-${i}` })
      outcomes.push(`${response.status} ${errorCode(response) ?? ''}`)
    }
    expect(outcomes.filter((o) => o === '401 credentials_invalid')).toHaveLength(50)
    ip = '198.51.100.23'
    expect((await api.post('/auth/login', login(email))).status).toBe(429)
    now += 60_000
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

  test('the Authorization scheme is case-insensitive and may be followed by several spaces (RFC 9110 §11)', async () => {
    const api = createTestServer()
    const token = api.tokenFor('viewer')
    for (const header of [`bearer ${token}`, `BEARER ${token}`, `Bearer   ${token}`, `bEaReR  ${token}`]) {
      expect((await api.get('/sip?limit=1', null, { Authorization: header })).status, header).toBe(200)
    }
  })

  test('the Authorization header: missing or malformed → format_error; unknown → invalid_token', async () => {
    const api = createTestServer()
    const token = api.tokenFor('viewer')
    const cases: [Record<string, string>, string][] = [
      [{}, 'format_error'],
      [{ Authorization: token }, 'format_error'],
      [{ Authorization: `Basic ${token}` }, 'format_error'],
      [{ Authorization: 'Bearer' }, 'format_error'],
      [{ Authorization: 'Bearer    ' }, 'format_error'],
      [{ Authorization: `Bearer\t${token}` }, 'format_error'],
      [{ Authorization: `Bearer${token}` }, 'format_error'],
      [{ Authorization: `Bearers ${token}` }, 'format_error'],
      [{ Authorization: `Bearer ${token.slice(0, 10)} ${token.slice(10)}` }, 'format_error'],
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

  test('takes the documented ?token=; extend adds name, language, customer; a Bearer header beside it is ignored', async () => {
    const token = api.tokenFor('reseller')
    const viaQuery = ValidateTokenResponseSchema.parse((await api.get(`/auth/validateToken?token=${encodeURIComponent(token)}`)).body)
    expect(viaQuery).toEqual({
      success: true,
      employee: DEMO_USERS.reseller.employeeId,
      customer: DEMO_USERS.reseller.customerId,
      accessLevel: 'RESELLER',
    })
    const extended = await api.get(`/auth/validateToken?token=${encodeURIComponent(token)}&extend=true`, token)
    expect(extended.headers.get('cache-control')).toBe('no-store')
    expect(ValidateTokenResponseSchema.parse(extended.body)).toMatchObject({
      success: true,
      name: DEMO_USERS.reseller.name,
      language: 'en',
      customerName: 'Nordisk Telefoni Partner A/S',
      customerFeatures: ['SIP', 'PBX'],
    })
    // The token checked is the query's, whatever the header says.
    const otherHeader = await api.get(`/auth/validateToken?token=${encodeURIComponent(token)}`, null, { Authorization: 'Basic whatever' })
    expect(ValidateTokenResponseSchema.parse(otherHeader.body).employee).toBe(DEMO_USERS.reseller.employeeId)
  })

  test('the Bearer header alone is refused (401 format_error naming token), so no client drifts from the documented form', async () => {
    const token = api.tokenFor('viewer')
    const response = await api.get('/auth/validateToken?extend=true', token)
    expect([response.status, errorCode(response)]).toEqual([401, 'format_error'])
    expect(JSON.stringify(response.body)).toMatch(/\btoken=/)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  test('no token, a bad one, a repeated one or a bad extend are errors', async () => {
    expect(errorCode(await api.get('/auth/validateToken'))).toBe('format_error')
    expect(errorCode(await api.get('/auth/validateToken?token='))).toBe('format_error')
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
