import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { SipAccountListSchema } from '../../src/api/sip-account.ts'
import { TOKEN_KEY } from '../../src/features/auth/session-store.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 40_000 })

/**
 * validateToken as the API documents it: the token to check is the `token` query parameter and
 * nothing else. A Bearer header alone is 401, and the header is stripped before the reference
 * server sees the request, so only `?token=` can make it pass. It answers only once `gate` has
 * resolved (e.g. once the first GET /sip has been seen), which proves the list did not wait for it.
 */
function tokenQueryOnlyValidateToken(gate: Promise<void>) {
  return http.get('*/api/auth/validateToken', async ({ request }) => {
    if (!new URL(request.url).searchParams.get('token')) {
      return HttpResponse.json(
        { error: { code: 'format_error', message: 'The token to check is the token query parameter', status: 401 } },
        { status: 401 },
      )
    }
    await gate
    const headers = new Headers(request.headers)
    headers.delete('authorization')
    return forward(api, new Request(request.url, { headers }))
  })
}

async function groundTruth(token: string, query: string) {
  const response = await api.app.fetch(new Request(`http://api.test/sip?${query}`, { headers: { Authorization: `Bearer ${token}` } }))
  return z.parse(SipAccountListSchema, await response.json())
}

test('a reload of a deep link resumes the same view against an API that honours only ?token=, with GET /sip sent before validateToken answers', async () => {
  const token = api.tokenFor('owner')
  const truth = await groundTruth(token, 'filter=a&offset=25&limit=25')
  expect(truth.total, 'the demo customer needs more than one page of accounts matching "a"').toBeGreaterThan(25)
  const target = truth.sipAccounts.find((row) => row.name)
  if (!target?.name) throw new Error('expected a named account on page 2')
  const url = `/?filter=a&offset=25&limit=25&account=${target._id}`

  // The first page's GET /sip is seen → only then may validateToken answer.
  let sipSeen = () => {}
  const gate = new Promise<void>((resolve) => (sipSeen = resolve))
  const order: string[] = []
  const listener = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname
    order.push(`start ${path}`)
    if (path === '/api/sip') sipSeen()
  }
  const answered = ({ request }: { request: Request }) => void order.push(`answered ${new URL(request.url).pathname}`)
  api.server.events.on('request:start', listener)
  api.server.events.on('response:mocked', answered)
  api.server.use(tokenQueryOnlyValidateToken(gate))
  const requests = recordRequests(api)

  sessionStorage.setItem(TOKEN_KEY, token)
  renderApp(api, { url })
  const rows = await findRows()

  // The same view: page 2 of the search, the drawer of the linked account, the URL untouched.
  expect(rows).toHaveLength(truth.sipAccounts.length)
  expect(rows[0]).toHaveTextContent(truth.sipAccounts[0]?.name ?? '')
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('a')
  expect(await screen.findByRole('dialog', { name: target.name }, { timeout: 8000 })).toBeInTheDocument()
  expect(window.location.pathname + window.location.search).toBe(url)
  expect(sessionStorage.getItem(TOKEN_KEY)).toBe(token)

  // No waterfall: GET /sip started before validateToken was answered, and the list used that very
  // request (the first page was asked for once, not again after the resume).
  expect(order.indexOf('start /api/sip')).toBeGreaterThanOrEqual(0)
  expect(order.indexOf('start /api/sip')).toBeLessThan(order.indexOf('answered /api/auth/validateToken'))
  const firstPage = requests
    .sipLists()
    .filter((sent) => sent.searchParams.get('offset') === '25' && sent.searchParams.get('limit') === '25' && !sent.searchParams.has('full'))
  expect(firstPage).toHaveLength(1)

  requests.stop()
  api.server.events.removeListener('request:start', listener)
  api.server.events.removeListener('response:mocked', answered)
})

test('a stored token the API rejects: the early GET /sip is discarded, the sign-in shows and no row ever renders', async () => {
  const token = api.tokenFor('owner')
  // Ends the token before the reload, as "Sign out everywhere" on another device would.
  await api.app.fetch(new Request('http://api.test/auth/logout', { headers: { Authorization: `Bearer ${token}` } }))
  let sipSeen = () => {}
  const gate = new Promise<void>((resolve) => (sipSeen = resolve))
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname === '/api/sip') sipSeen()
  }
  api.server.events.on('request:start', listener)
  api.server.use(tokenQueryOnlyValidateToken(gate))

  sessionStorage.setItem(TOKEN_KEY, token)
  renderApp(api, { url: '/?filter=a' })
  expect(await screen.findByRole('textbox', { name: 'Email' })).toBeInTheDocument()
  expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  api.server.events.removeListener('request:start', listener)
})

test('a reload of Down by customer (?view=down) warms no list page: only the view’s walk asks for accounts', async () => {
  const requests = recordRequests(api)
  sessionStorage.setItem(TOKEN_KEY, api.tokenFor('reseller'))
  renderApp(api, { url: '/?view=down' })
  expect(await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 15_000 })).toBeInTheDocument()
  // The walk asks for pages of 500; a list page would be the default 100 (or the URL's limit).
  const walk = requests.sipLists().filter((sent) => sent.searchParams.get('limit') === '500')
  expect(walk.length).toBeGreaterThan(0)
  expect(requests.sipLists().filter((sent) => sent.searchParams.get('limit') !== '500')).toEqual([])
  requests.stop()
})
