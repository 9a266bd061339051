import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, recordRequests, renderApp, search } from './render-app.tsx'

// 11,000 accounts: the demo reseller's subtree then holds more than 1,000 down trunks (three pages of 500).
const api = setupReferenceApi({ accounts: 11_000 })
vi.setConfig({ testTimeout: 60_000 })
afterEach(() => vi.useRealTimers())

const RESELLER = DEMO_CUSTOMER_IDS.reseller
const LIST = `/?reseller=${RESELLER}&limit=50`

interface Expected {
  customer: string
  name: string
  down: number
  activeDown: number
}

/** The reseller's down trunks per customer, straight from the reference database (the whole subtree). */
function expectedCounts(): Expected[] {
  const rows = api.db
    .prepare(
      `WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT c.id FROM customers c JOIN tree ON c.parent_reseller = tree.id)
       SELECT s.customer AS customer, c.name AS name, count(*) AS down,
              sum(coalesce(json_extract(s.full_json, '$.active'), 1) != 0) AS activeDown
       FROM sip_accounts s JOIN tree ON s.customer = tree.id JOIN customers c ON c.id = s.customer
       WHERE s.status = 'OFF' GROUP BY s.customer`,
    )
    .all(RESELLER)
  return z.array(z.object({ customer: z.string(), name: z.string(), down: z.number(), activeDown: z.number() })).parse(rows)
}

/** Most first; equal counts by name. */
function ranked(counts: Expected[], activeOnly: boolean): [string, string][] {
  const count = (row: Expected) => (activeOnly ? row.activeDown : row.down)
  return counts
    .filter((row) => count(row) > 0)
    .sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name, 'da') || a.customer.localeCompare(b.customer))
    .map((row) => [row.name, count(row).toLocaleString('en-US')])
}

const downTable = () => screen.getByRole('table', { name: 'Down by customer' })

/**
 * The table's rows as [customer name, down trunks]. The table is found by role and name; its rows'
 * header cell and cell are read as elements, not by a role query per row (slow on ~170 rows in jsdom:
 * see render-app.tsx).
 */
function tableRows(): [string, string][] {
  return [...downTable().querySelectorAll('tbody > tr')].map((row) => [
    row.querySelector('th')?.textContent ?? '',
    row.querySelector('td')?.textContent ?? '',
  ])
}

/** Waits until every row shows its customer's name (the bulk lookup has answered). */
async function findNamedRows(): Promise<[string, string][]> {
  await waitFor(() => expect(tableRows().some(([name]) => name.startsWith('ID …'))).toBe(false), { timeout: 20_000 })
  return tableRows()
}

/** The walk's pages (the Status filter's own up=false count asks limit=1). */
const walkRequests = (urls: URL[]) =>
  urls.filter((url) => url.pathname === '/api/sip' && url.searchParams.get('up') === 'false' && url.searchParams.get('limit') === '500')
const totalDown = () => expectedCounts().reduce((sum, row) => sum + row.down, 0)
const fmt = (value: number) => value.toLocaleString('en-US')

/** Holds GET /sip?up=false at this offset until released; records whether the request was aborted. */
function holdPage(offset: number) {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const state = { aborted: false, held: 0 }
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('up') === 'false' && url.searchParams.get('offset') === String(offset) && state.held === 0) {
        state.held++
        request.signal.addEventListener('abort', () => (state.aborted = true))
        await released
      }
      return forward(api, request)
    }),
  )
  return { release, state }
}

async function openView(user: ReturnType<typeof renderApp>['user']) {
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Down by customer' }))
  return screen.findByRole('heading', { name: 'Down by customer' })
}

test('opens from the toolbar as ?view=down with focus on its heading, walks up=false in 500-row pages with progress, and ranks customers by down trunks', async () => {
  const total = totalDown()
  expect(total).toBeGreaterThan(1000)
  const requests = recordRequests(api)
  const hold = holdPage(500)
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  const heading = await openView(user)
  await waitFor(() => expect(heading).toHaveFocus())
  expect(search().get('view')).toBe('down')
  expect(search().get('reseller')).toBe(RESELLER)
  // The list is gone while the view is shown.
  expect(screen.queryByRole('table', { name: 'SIP accounts' })).not.toBeInTheDocument()

  // Progress after the first page, while the second is held.
  const bar = await screen.findByRole('progressbar', { name: `500 of ${fmt(total)} down trunks` })
  expect(bar).toHaveAttribute('value', '500')
  expect(bar).toHaveAttribute('max', String(total))
  expect(screen.getByText('Counting down trunks…')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Refresh' })).toBeDisabled()
  hold.release()

  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  expect(await findNamedRows()).toEqual(ranked(expectedCounts(), false))
  expect(screen.getByText(`${fmt(total)} down trunks at ${fmt(expectedCounts().length)} customers.`)).toBeInTheDocument()
  expect(screen.getByText(/^Computed (just now|\d+ s ago)$/)).toBeInTheDocument()

  // The walk: up=false, full=true (only full rows carry `customer`), limit=500, offsets 0, 500, 1000…, the
  // list's scope and nothing else (no search, no paging of the list).
  const walked = walkRequests(requests.urls())
  expect(walked.map((url) => url.searchParams.get('offset'))).toEqual(
    Array.from({ length: Math.ceil(total / 500) }, (_, i) => String(i * 500)),
  )
  for (const url of walked) {
    expect(Object.fromEntries(url.searchParams)).toEqual({
      reseller: RESELLER,
      up: 'false',
      full: 'true',
      offset: url.searchParams.get('offset'),
      limit: '500',
    })
  }
  requests.stop()
})

test('names come in bulk: GET /customer?customerIds=… for 100 customers at a time, never one request per row', async () => {
  // Straight to the view: the list's own Customer column asks for names too.
  const requests = recordRequests(api)
  renderApp(api, { as: 'reseller', url: `${LIST}&view=down` })
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  const rows = await findNamedRows()
  const urls = requests.urls()
  const bulk = urls.filter((url) => url.pathname === '/api/customer' && url.searchParams.has('customerIds'))
  const asked = bulk.flatMap((url) => url.searchParams.get('customerIds')?.split(',') ?? [])
  // The reseller's own customer is named by the session; every other customer once.
  expect(new Set(asked).size).toBe(asked.length)
  expect(bulk).toHaveLength(Math.ceil(asked.length / 100))
  expect(asked.length).toBeGreaterThanOrEqual(rows.length - 1)
  expect(urls.filter((url) => /^\/api\/customer\/[^/]+\/name$/.test(url.pathname))).toHaveLength(0)
  requests.stop()
})

test('Cancel aborts the page in flight and asks for no other; Refresh counts again', async () => {
  const requests = recordRequests(api)
  const hold = holdPage(500)
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  await openView(user)
  await screen.findByRole('progressbar', { name: /^500 of / })
  await user.click(screen.getByRole('button', { name: 'Cancel' }))

  await waitFor(() => expect(hold.state.aborted).toBe(true))
  expect(await screen.findByText('Counting cancelled. Nothing was counted; Refresh counts again.')).toBeInTheDocument()
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  expect(screen.queryByRole('table', { name: 'Down by customer' })).not.toBeInTheDocument()
  // The keyboard is not lost with the Cancel button: it is on Refresh.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toHaveFocus())
  hold.release()
  expect(walkRequests(requests.urls()).map((url) => url.searchParams.get('offset'))).toEqual(['0', '500'])

  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  expect(walkRequests(requests.urls()).map((url) => url.searchParams.get('offset'))).toEqual(['0', '500', '0', '500', '1000'])
  requests.stop()
})

test('Active only (off by default) counts only active down trunks, without a new walk', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  await openView(user)
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  await findNamedRows()
  const toggle = screen.getByRole('switch', { name: 'Active only' })
  expect(toggle).not.toBeChecked()
  const walked = walkRequests(requests.urls()).length

  await user.click(toggle)
  expect(toggle).toBeChecked()
  const expected = expectedCounts()
  expect(expected.some((row) => row.activeDown < row.down)).toBe(true)
  expect(tableRows()).toEqual(ranked(expected, true))
  const active = expected.reduce((sum, row) => sum + row.activeDown, 0)
  expect(screen.getByText(`${fmt(active)} active down trunks at ${fmt(ranked(expected, true).length)} customers.`)).toBeInTheDocument()

  await user.click(toggle)
  expect(tableRows()).toEqual(ranked(expected, false))
  expect(walkRequests(requests.urls())).toHaveLength(walked)
  requests.stop()
})

test('a customer links to the list of its down trunks (?customer=…&up=false); Back shows the count again without a new walk', async () => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  await openView(user)
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  const [name = ''] = (await findNamedRows())[0] ?? []
  const top = expectedCounts().find((row) => row.name === name)
  if (!top) throw new Error(`no customer named ${name}`)

  const link = within(downTable()).getByRole('link', { name })
  expect(new URL(link.getAttribute('href') ?? '', window.location.href).search).toBe(`?customer=${top.customer}&up=false`)
  await user.click(link)
  expect(search().toString()).toBe(`customer=${top.customer}&up=false`)
  const rows = await findRows()
  expect(rows.length).toBe(Math.min(top.down, 100))
  expect(screen.queryByRole('heading', { name: 'Down by customer' })).not.toBeInTheDocument()
  await waitFor(() => expect(screen.getByRole('button', { name: 'Down by customer' })).toHaveFocus())

  const walked = walkRequests(requests.urls()).filter((url) => url.searchParams.get('full') === 'true').length
  await act(() => vi.advanceTimersByTimeAsync(2 * 60_000))
  act(() => window.history.back())
  await screen.findByRole('table', { name: 'Down by customer' })
  expect(screen.getByText('Computed 2 min ago')).toBeInTheDocument()
  expect(walkRequests(requests.urls()).filter((url) => url.searchParams.get('full') === 'true')).toHaveLength(walked)
  requests.stop()
})

test('Escape and "Back to list" return to the list as it was, with focus on the button that opened the view', async () => {
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  await openView(user)
  const back = screen.getByRole('link', { name: 'Back to list' })
  expect(new URL(back.getAttribute('href') ?? '', window.location.href).search).toBe(`?reseller=${RESELLER}&limit=50`)

  await user.keyboard('{Escape}')
  await findRows()
  expect(search().toString()).toBe(`reseller=${RESELLER}&limit=50`)
  await waitFor(() => expect(screen.getByRole('button', { name: 'Down by customer' })).toHaveFocus())

  await user.keyboard('{Enter}')
  await screen.findByRole('heading', { name: 'Down by customer' })
  await user.click(screen.getByRole('link', { name: 'Back to list' }))
  await findRows()
  expect(search().toString()).toBe(`reseller=${RESELLER}&limit=50`)
  await waitFor(() => expect(screen.getByRole('button', { name: 'Down by customer' })).toHaveFocus())
})

test('an error mid-walk says what happened and where it stopped; Retry counts again', async () => {
  const total = totalDown()
  let failures = 1
  api.server.use(
    http.get('*/api/sip', ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('up') === 'false' && url.searchParams.get('offset') === '500' && failures-- > 0) {
        return HttpResponse.json(
          { error: { code: 'access_denied', message: 'Access to this reseller was revoked.', status: 403 } },
          { status: 403 },
        )
      }
      return forward(api, request)
    }),
  )
  const { user } = renderApp(api, { as: 'reseller', url: LIST })
  await openView(user)
  const alert = await screen.findByRole('alert', {}, { timeout: 20_000 })
  expect(alert).toHaveTextContent('Down by customer could not be counted.')
  expect(alert).toHaveTextContent('Access to this reseller was revoked.')
  expect(alert).toHaveTextContent(`It stopped after 500 of ${fmt(total)} down trunks.`)
  expect(screen.queryByRole('table', { name: 'Down by customer' })).not.toBeInTheDocument()

  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(await findNamedRows()).toEqual(ranked(expectedCounts(), false))
})

test('levels without scope have no Down by customer: no button, and ?view=down shows their list', async () => {
  renderApp(api, { as: 'viewer', url: '/?view=down' })
  await findRows()
  expect(screen.queryByRole('button', { name: 'Down by customer' })).not.toBeInTheDocument()
  expect(screen.queryByRole('heading', { name: 'Down by customer' })).not.toBeInTheDocument()
})

test('a link to ?view=down opens the view directly and counts at once', async () => {
  renderApp(api, { as: 'reseller', url: `/?reseller=${RESELLER}&view=down` })
  const heading = await screen.findByRole('heading', { name: 'Down by customer' })
  await waitFor(() => expect(heading).toHaveFocus())
  await screen.findByRole('table', { name: 'Down by customer' }, { timeout: 20_000 })
  expect(await findNamedRows()).toEqual(ranked(expectedCounts(), false))
})
