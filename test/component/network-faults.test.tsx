import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { App } from '../../src/app/app.tsx'
import { createQueryClient } from '../../src/app/query-client.ts'
import { TOKEN_KEY } from '../../src/features/auth/session-store.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { advance, advanceUntil, installFakeClock } from './fake-clock.ts'
import { dataRows, findRows, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  // TanStack Query's onlineManager heard 'offline' too: a failed test must not leave it paused.
  window.dispatchEvent(new Event('online'))
})

const banner = () => screen.queryByRole('status', { name: 'Connection' })

/** Flips what the browser reports (navigator.onLine) and fires the matching window event. */
function goOffline(offline: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline)
  act(() => void window.dispatchEvent(new Event(offline ? 'offline' : 'online')))
}

test('the browser going offline shows a banner; it clears by itself when the connection is back', async () => {
  renderApp(api, { as: 'owner' })
  const rows = await findRows()
  expect(banner()).not.toBeInTheDocument()

  goOffline(true)
  expect(banner()).toHaveTextContent('You are offline.')
  // The rows already loaded stay on screen.
  expect(dataRows()).toHaveLength(rows.length)

  goOffline(false)
  expect(banner()).not.toBeInTheDocument()
})

test('requests failing at the network level show the banner even while the browser claims to be online; a success clears it', async () => {
  api.server.use(http.get('*/api/sip', () => HttpResponse.error()))
  const { user } = renderApp(api, { as: 'owner' })
  expect(await screen.findByRole('status', { name: 'Connection' })).toHaveTextContent('Cannot reach the Telecom X API.')
  expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the Telecom X API')

  api.server.resetHandlers()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  await findRows()
  expect(banner()).not.toBeInTheDocument()
})

test('an HTTP error answer is not a connection problem: no banner for a 4xx or 5xx', async () => {
  api.server.use(http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'boom', message: 'Boom', status: 500 } }, { status: 500 })))
  renderApp(api, { as: 'owner' })
  expect(await screen.findByRole('alert')).toHaveTextContent('Could not load SIP accounts')
  expect(banner()).not.toBeInTheDocument()
})

/** The app as production builds it: the real QueryClient, retries on. */
function renderWithRetries() {
  window.history.replaceState(null, '', '/')
  sessionStorage.setItem(TOKEN_KEY, api.tokenFor('owner'))
  render(<App queryClient={createQueryClient()} />)
  return userEvent.setup()
}

test('production retry policy: a 503 is tried three times, then shown with Retry; the list is never "empty"', async () => {
  const requests = recordRequests(api)
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'unavailable', message: 'Busy', status: 503 } }, { status: 503 })),
  )
  // The backoff (0.5 s, 1 s, …) runs on a fake clock: jumped over, not waited for.
  installFakeClock()
  renderWithRetries()
  await advanceUntil(() => expect(screen.queryByRole('alert')).toHaveTextContent('Could not load SIP accounts'))
  expect(requests.sipLists()).toHaveLength(3)
  expect(screen.queryByText('No SIP accounts yet')).not.toBeInTheDocument()
  requests.stop()
})

test('production retry policy: a 400 is shown after exactly one request', async () => {
  const requests = recordRequests(api)
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'limit', message: 'Bad limit', status: 400 } }, { status: 400 })),
  )
  installFakeClock()
  renderWithRetries()
  expect(await screen.findByRole('alert')).toHaveTextContent('Bad limit')
  // Past the longest backoff there is (4 s) on the fake clock: a retry, if there were one, has gone out.
  await advance(5_000)
  expect(requests.sipLists()).toHaveLength(1)
  requests.stop()
})

test('production retry policy: a 503 that passes on the next attempt shows the rows and no error', async () => {
  let calls = 0
  api.server.use(
    http.get('*/api/sip', ({ request }) => {
      calls += 1
      if (calls === 1) return HttpResponse.json({ error: { code: 'unavailable', status: 503 } }, { status: 503 })
      const url = new URL(request.url)
      url.pathname = '/sip'
      return api.app.fetch(new Request(url, { headers: request.headers }))
    }),
  )
  renderWithRetries()
  await findRows()
  expect(calls).toBeGreaterThanOrEqual(2)
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
})
