import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { DEMO_USERS } from '../../server/demo-users.ts'
import { TOKEN_KEY } from '../../src/features/auth/session-store.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp, signInAs as signIn } from './render-app.tsx'

const api = setupReferenceApi()
// Whole-app renders with real server code behind MSW: slower than a unit test under jsdom.
vi.setConfig({ testTimeout: 20_000 })

function storedEverywhere(): string {
  return JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + window.location.href
}

test('email and password sign in; the header shows who is signed in and Sign out', async () => {
  const { user } = renderApp(api)
  await signIn(user, 'reseller')
  await findRows()
  const banner = screen.getByRole('banner')
  expect(banner).toHaveTextContent('Rikke Reseller')
  expect(banner).toHaveTextContent('Nordisk Telefoni Partner')
  expect(banner).toHaveTextContent('Reseller')
  expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  expect(within(banner).getByRole('button', { name: 'Sign out everywhere' })).toBeInTheDocument()
  // Only the token is kept, and only in sessionStorage.
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeTruthy()
  expect(localStorage.length).toBe(0)
})

test('a wrong password is an alert on the form and the password is stored nowhere', async () => {
  const { user } = renderApp(api)
  await signIn(user, 'viewer', 'not-the-password')
  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.')
  expect(storedEverywhere()).not.toContain('not-the-password')
  expect(screen.queryByRole('heading', { name: 'SIP accounts' })).not.toBeInTheDocument()
})

test('an SMS second factor asks for the Code, then signs in', async () => {
  const { user } = renderApp(api)
  await signIn(user, 'sms')
  const code = await screen.findByRole('textbox', { name: 'Code' })
  // A fresh, empty field: the password never carries over into it.
  expect(code).toHaveValue('')
  expect(screen.getByText(/SMS/)).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  await user.type(code, '000000')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not correct')
  await user.clear(code)
  await user.type(code, DEMO_USERS.sms.smsKey ?? '')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await findRows()).not.toHaveLength(0)
  expect(storedEverywhere()).not.toContain(DEMO_USERS.sms.password)
})

test('an authenticator second factor asks for the authenticator code', async () => {
  const { user } = renderApp(api)
  await signIn(user, 'totp')
  await user.type(await screen.findByRole('textbox', { name: 'Code' }), DEMO_USERS.totp.authenticatorToken ?? '')
  expect(screen.getByText(/authenticator app/)).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await findRows()).not.toHaveLength(0)
})

test('throttling and network failures each get their own message', async () => {
  api.server.use(
    http.post('*/api/auth/login', () => HttpResponse.json({ error: { code: 'throttled', message: 'x', status: 429 } }, { status: 429 })),
  )
  const { user } = renderApp(api)
  await signIn(user, 'viewer')
  expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts')

  api.server.use(http.post('*/api/auth/login', () => HttpResponse.error()))
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the Telecom X API'))
})

test('Sign in with API token checks the token with validateToken (?token= as documented, and the header)', async () => {
  const token = api.tokenFor('manager')
  const seen: Request[] = []
  api.server.events.on('request:start', ({ request }) => void seen.push(request.clone()))
  const { user } = renderApp(api)
  await user.click(await screen.findByRole('button', { name: 'Sign in with API token' }))
  await user.click(screen.getByLabelText('API token'))
  await user.paste('not-a-real-token')
  await user.click(screen.getByRole('button', { name: 'Sign in with token' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('not valid')

  await user.clear(screen.getByLabelText('API token'))
  await user.paste(token)
  await user.click(screen.getByRole('button', { name: 'Sign in with token' }))
  await findRows()
  expect(screen.getByRole('banner')).toHaveTextContent('Mette Manager')
  const validations = seen.filter((request) => new URL(request.url).pathname === '/api/auth/validateToken')
  expect(new URL(validations.at(-1)?.url ?? 'http://x').searchParams.get('token')).toBe(token)
  expect(validations.at(-1)?.headers.get('authorization')).toBe(`Bearer ${token}`)
  // validateToken is the one request whose URL carries the token (decision 028).
  for (const request of seen.filter((r) => !validations.includes(r))) expect(request.url).not.toContain(token)
  api.server.events.removeAllListeners()
})

test('after a reload the session resumes from sessionStorage: validateToken?token=, every other request only in the header', async () => {
  const seen: Request[] = []
  api.server.events.on('request:start', ({ request }) => void seen.push(request.clone()))
  renderApp(api, { as: 'owner', url: '/?filter=a' })
  expect(screen.getByRole('status')).toHaveTextContent('Resuming your session')
  await findRows()
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  const validation = seen.find((request) => request.url.includes('/api/auth/validateToken'))
  expect(new URL(validation?.url ?? 'http://x').searchParams.get('token')).toBe(token)
  expect(validation?.headers.get('authorization')).toBe(`Bearer ${token}`)
  for (const request of seen.filter((r) => r !== validation)) {
    expect(request.url).not.toContain(token)
    expect(request.headers.get('authorization')).toBe(`Bearer ${token}`)
  }
  api.server.events.removeAllListeners()
})

test('a stored token the API no longer accepts shows the sign-in, not an error', async () => {
  sessionStorage.setItem(TOKEN_KEY, 'expired-token')
  window.history.replaceState(null, '', '/')
  renderApp(api)
  expect(await screen.findByRole('textbox', { name: 'Email' })).toBeInTheDocument()
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
})

test('Sign out forgets the token and the cached rows', async () => {
  const { user, queryClient } = renderApp(api, { as: 'viewer' })
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Sign out' }))
  expect(await screen.findByRole('textbox', { name: 'Email' })).toBeInTheDocument()
  expect(screen.getByText('You are signed out.')).toBeInTheDocument()
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
})

test('Sign out everywhere says it ends all sessions, calls GET /auth/logout and the token stops working', async () => {
  const { user } = renderApp(api, { as: 'subCustomer' })
  await findRows()
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }))
  const dialog = await screen.findByRole('dialog', { name: 'Sign out everywhere?' })
  expect(dialog).toHaveAccessibleDescription(/all devices/)
  await user.click(within(dialog).getByRole('button', { name: 'Sign out on all devices' }))
  expect(await screen.findByText('You are signed out on all your devices.')).toBeInTheDocument()
  const check = await fetch(new URL(`/api/auth/validateToken?token=${encodeURIComponent(token)}`, location.origin))
  expect(check.status).toBe(401)
})

test('if the API cannot be reached while resuming, the user can retry or sign in again', async () => {
  api.server.use(http.get('*/api/auth/validateToken', () => HttpResponse.error()))
  const { user } = renderApp(api, { as: 'viewer' })
  expect(await screen.findByRole('alert')).toHaveTextContent('Your session could not be resumed')
  api.server.resetHandlers()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(await findRows()).not.toHaveLength(0)
})
