import { expect, test } from 'vitest'
import { LoginResponseSchema, ValidateTokenResponseSchema } from '../src/api/auth.ts'
import { demoSignInLines } from './banner.ts'
import { DEMO_USERS, DEMO_USER_LIST } from './demo-users.ts'
import { createTestServer } from './test-support.ts'

/* Issue #14: one demo user reads the dashboard in Danish, so a Danish reseller's day can be tested. */

const api = createTestServer()

test('dansk@ is a RESELLER of Nordisk Telefoni Partner with language da; every other demo user has en', () => {
  expect(DEMO_USERS.dansk).toMatchObject({
    email: 'dansk@telecomx.test',
    accessLevel: 'RESELLER',
    customerId: DEMO_USERS.reseller.customerId,
    language: 'da',
  })
  expect(DEMO_USER_LIST.filter((u) => u.language !== 'en').map((u) => u.email)).toEqual(['dansk@telecomx.test'])
})

test('login and validateToken (extend=true) answer the language stored for the user', async () => {
  for (const [user, language] of [
    [DEMO_USERS.dansk, 'da'],
    [DEMO_USERS.reseller, 'en'],
    [DEMO_USERS.admin, 'en'],
  ] as const) {
    const login = await api.post('/auth/login', { username: user.email, password: user.password })
    expect(login.status, user.email).toBe(200)
    const body = LoginResponseSchema.parse(login.body)
    expect([body.accessLevel, body.language], user.email).toEqual([user.accessLevel, language])
    const validated = await api.get(`/auth/validateToken?token=${encodeURIComponent(body.token)}&extend=true`)
    expect(ValidateTokenResponseSchema.parse(validated.body).language, user.email).toBe(language)
  }
})

test('the start banner lists dansk@ and says its language', () => {
  const line = demoSignInLines().find((l) => l.includes('dansk@telecomx.test'))
  expect(line).toMatch(/RESELLER\s+dansk@telecomx\.test.*language da/)
  expect(demoSignInLines().filter((l) => l.includes('language'))).toHaveLength(1)
})
