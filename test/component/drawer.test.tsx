import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeAll, expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { MARKUP_NAME } from '../../server/seed.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, forward, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

// The drawer is a lazy chunk. In a cold test worker its first import makes Vite transform the whole
// drawer module graph, which took 5–7 s on a busy 2-core machine and failed the first test's wait
// for the dialog. Loading it once up front keeps that cost out of the test; the app still opens the
// drawer through its own lazy import (now answered from the module cache), as in the browser after
// the idle preload.
beforeAll(() => import('../../src/features/sip-accounts/drawer/account-drawer.tsx'), 60_000)

const nameOf = (row: HTMLElement | undefined) => row?.querySelector('td')?.textContent ?? ''
const fullRowRequests = (urls: URL[]) => urls.filter((url) => url.pathname === '/api/sip' && url.searchParams.get('full') === 'true')

test('clicking a row opens a dialog named by the account, from GET /sip?full=true for exactly that row', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const row = rows.find((r) => nameOf(r) === 'Hovedtrunk København') as HTMLElement
  const index = rows.indexOf(row)
  await user.click(row)
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  expect(search().get('account')).toBe(DEMO_ACCOUNT_IDS.primaryTrunk)
  await within(dialog).findByText('77.66.100.10')
  const [request] = fullRowRequests(requests.urls())
  expect(request?.searchParams.get('offset')).toBe(String(index))
  expect(request?.searchParams.get('limit')).toBe('1')
  for (const absent of ['filter', 'up', 'customer', 'reseller']) expect(request?.searchParams.has(absent)).toBe(false)
  expect(requests.urls().some((url) => url.pathname.startsWith('/api/sip/'))).toBe(false)

  // Sections, connection type in words, the password masked until revealed.
  for (const section of ['Overview', 'Connection', 'Calling', 'Failover', 'Billing', 'Custom data', 'Voice usage']) {
    expect(within(dialog).getByRole('heading', { name: section })).toBeInTheDocument()
  }
  expect(within(dialog).getByText(/must register to receive calls/)).toBeInTheDocument()
  const password = within(dialog).getByText('Password').nextElementSibling as HTMLElement
  expect(password).toHaveTextContent('••••')
  await user.click(within(dialog).getByRole('button', { name: 'Reveal password' }))
  expect(password).not.toHaveTextContent('••••')
  expect(within(dialog).getByRole('button', { name: 'Hide password' })).toBeInTheDocument()

  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(search().get('account')).toBeNull()
  expect(row).toHaveFocus()
  requests.stop()
})

test('keyboard only: Tab reaches the rows, arrows move, Enter opens, Next account walks, Esc returns focus', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  await user.click(screen.getByRole('searchbox', { name: 'Search' }))
  // Search → Status → the list's actions → each column's resize handle → the rows (one Tab stop:
  // the first row).
  const stops = []
  for (let i = 0; i < 6; i++) {
    await user.tab()
    const focused = document.activeElement
    stops.push((focused?.closest('label') ?? focused)?.textContent)
  }
  // "All" may go on with its count ("All 60").
  expect(stops[0]).toMatch(/^All\b/)
  expect(stops.slice(1)).toEqual(['Refresh', 'Changes', 'Export CSV', 'Columns', 'Keyboard shortcuts'])
  const handles = screen.getAllByRole('separator', { name: /^Resize / })
  for (const handle of handles) {
    await user.tab()
    expect(handle).toHaveFocus()
  }
  await user.tab()
  expect(rows[0]).toHaveFocus()
  await user.keyboard('{ArrowDown}')
  expect(rows[1]).toHaveFocus()
  await user.keyboard('{Enter}')
  const dialog = await screen.findByRole('dialog', { name: nameOf(rows[1]) })
  expect(dialog).toContainElement(document.activeElement as HTMLElement)
  await user.click(within(dialog).getByRole('button', { name: 'Next account' }))
  await screen.findByRole('dialog', { name: nameOf(rows[2]) })
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  await waitFor(() => expect(dataRows()[2]).toHaveFocus())
})

test('Previous/Next account cross page boundaries', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  const page1 = (await findRows()).map(nameOf)
  await user.click(dataRows()[24] as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: page1[24] })
  await user.click(within(dialog).getByRole('button', { name: 'Next account' }))
  await waitFor(() => expect(search().get('offset')).toBe('25'))
  const page2 = dataRows().map(nameOf)
  await screen.findByRole('dialog', { name: page2[0] })
  expect(screen.getByText('Account 26 of 60')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Previous account' }))
  await waitFor(() => expect(search().get('offset')).toBeNull())
  await screen.findByRole('dialog', { name: page1[24] })
})

test('a link opens the drawer from GET /sip/:id; voice usage and rate plan come from the condensed row', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}&offset=25&limit=25` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await waitFor(() => expect(requests.urls().some((url) => url.pathname === `/api/sip/${DEMO_ACCOUNT_IDS.primaryTrunk}`)).toBe(true))
  const usage = await within(dialog).findByRole('table', {}, { timeout: 5000 })
  expect(within(usage).getAllByRole('row')).toHaveLength(13)
  const probe = requests.sipLists().find((url) => url.searchParams.has('filter') && url.searchParams.has('customer'))
  expect(probe).toBeDefined()
  expect(fullRowRequests(requests.urls())).toHaveLength(0)
  requests.stop()
})

test('if the row at that position is another account now, GET /sip/:id is used instead', async () => {
  const requests = recordRequests(api)
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('full') !== 'true') return forward(api, request)
      url.searchParams.set('offset', String(Number(url.searchParams.get('offset')) + 1))
      return forward(api, new Request(url, { headers: request.headers }))
    }),
  )
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  await findRows()
  await user.click(dataRows()[0] as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await within(dialog).findByText('77.66.100.10')
  expect(requests.urls().some((url) => url.pathname === `/api/sip/${DEMO_ACCOUNT_IDS.primaryTrunk}`)).toBe(true)
  requests.stop()
})

test('a PBX trunk says why it has no connection fields', async () => {
  renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.pbxTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: 'Hosted PBX – Fjordvej' })
  expect(await within(dialog).findByText(/hosted PBX trunk \(cluster 2\)/)).toBeInTheDocument()
  expect(within(dialog).queryByText('Password')).not.toBeInTheDocument()
  expect(within(dialog).queryByText('Always use failover')).not.toBeInTheDocument()
  expect(within(dialog).getByText(/Failover is handled by the hosted PBX/)).toBeInTheDocument()
})

test('copy buttons copy the value', async () => {
  const { user } = renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await user.click(await within(dialog).findByRole('button', { name: 'Copy IP address' }))
  expect(await navigator.clipboard.readText()).toBe('77.66.100.10')
  expect(within(dialog).getByText('Copied')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Copy number +4580808080' }))
  expect(await navigator.clipboard.readText()).toBe('+4580808080')
})

test('an account that does not exist is an error in the drawer, with Retry', async () => {
  api.server.use(
    http.get('*/api/sip/:id', () =>
      HttpResponse.json({ error: { code: 'not_found', message: 'No such SIP account', status: 404 } }, { status: 404 }),
    ),
  )
  renderApp(api, { as: 'owner', url: '/?account=aaaaaaaaaaaaaaaaaaaaaaaa' })
  const dialog = await screen.findByRole('dialog')
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('This account does not exist')
  expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
})

test('markup in a name and in custom data renders as text and creates no elements', async () => {
  renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.markupTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: MARKUP_NAME })
  await within(dialog).findByText('Custom data')
  await waitFor(() => expect(dialog.textContent).toContain('onmouseover'))
  // The only SVG is our own usage chart; nothing the data carried became an element.
  expect(document.querySelector('img, script, [onerror], [onmouseover], [onload], svg:not(.bar-chart svg, svg.bar-chart)')).toBeNull()
})

test('hovering a row prefetches its details, so the drawer opens with them at once', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  await user.hover(row as HTMLElement)
  await waitFor(() => expect(fullRowRequests(requests.urls())).toHaveLength(1))
  await user.click(row as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  expect(await within(dialog).findByText('77.66.100.10')).toBeInTheDocument()
  expect(fullRowRequests(requests.urls())).toHaveLength(1)
  requests.stop()
})
