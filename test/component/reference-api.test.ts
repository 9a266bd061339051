import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { LoginResponseSchema } from '../../src/api/auth.ts'
import { SipAccountListSchema } from '../../src/api/sip-account.ts'
import { DEMO_PASSWORD } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'

const api = setupReferenceApi()

test('a relative fetch to /api reaches the reference server: login, then a parsed SIP list', async () => {
  const login = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: api.users.viewer.email, password: DEMO_PASSWORD }),
  })
  expect(login.status).toBe(200)
  const { token } = LoginResponseSchema.parse(await login.json())

  const response = await fetch('/api/sip?limit=5', { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  const list = SipAccountListSchema.parse(await response.json())
  expect(list.sipAccounts).toHaveLength(5)
  expect(list.total).toBeGreaterThan(5)
})

test('tokenFor mints a session directly, and per-test overrides win', async () => {
  const token = api.tokenFor('owner')
  const ok = await fetch('http://dashboard.example/api/sip?filter=80808080', { headers: { Authorization: `Bearer ${token}` } })
  expect(SipAccountListSchema.parse(await ok.json()).sipAccounts[0]?.numbers).toContain('+4580808080')

  api.server.use(http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'boom', status: 503 } }, { status: 503 })))
  const failed = await fetch('/api/sip', { headers: { Authorization: `Bearer ${token}` } })
  expect(failed.status).toBe(503)
})
