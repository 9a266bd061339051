import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS, DEMO_USERS, type DemoUserKey } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { columnNames, findRows, forward, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const COLUMNS = ['Name', 'Numbers', 'Status', 'Active', 'Connection', 'IP address', 'Username', 'Rate plan', 'Failover', 'Usage block']
/** Levels with scope land on all their customers, where the Customer column is there by default (041, 042). */
const SCOPE_COLUMNS = ['Name', 'Customer', ...COLUMNS.slice(1)]

const MATRIX: Array<{ user: DemoUserKey; notes: boolean; sipServer: boolean; scope: boolean }> = [
  { user: 'viewer', notes: false, sipServer: false, scope: false },
  { user: 'manager', notes: false, sipServer: false, scope: false },
  { user: 'owner', notes: false, sipServer: false, scope: false },
  { user: 'reseller', notes: true, sipServer: false, scope: true },
  { user: 'resellerAdmin', notes: true, sipServer: false, scope: true },
  { user: 'admin', notes: true, sipServer: true, scope: true },
]

test.for(MATRIX)(
  '$user: the columns, the search hint, the scope pickers and the drawer fields',
  async ({ user: key, notes, sipServer, scope }) => {
    renderApp(api, { as: key, url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
    const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' }, { timeout: 8000 })
    await within(dialog).findByText('Connection type', {}, { timeout: 8000 })
    expect(columnNames()).toEqual(scope ? SCOPE_COLUMNS : COLUMNS)
    const placeholder = screen.getByRole('searchbox', { name: 'Search', hidden: true }).getAttribute('placeholder') ?? ''
    expect(/notes/.test(placeholder)).toBe(notes)
    expect(screen.queryAllByRole('combobox', { name: /^(Customer|Reseller)$/, hidden: true })).toHaveLength(scope ? 2 : 0)
    expect(within(dialog).queryByRole('heading', { name: 'Notes' }) !== null).toBe(notes)
    expect(within(dialog).queryByText('SIP server') !== null).toBe(sipServer)
    expect(screen.getByRole('banner', { hidden: true })).toHaveTextContent(DEMO_USERS[key].name)
  },
)

test.for(['personal', 'noLogin'] as const)('%s is told plainly that the access level has no SIP accounts', async (key) => {
  const requests = recordRequests(api)
  renderApp(api, { as: key })
  expect(await screen.findByText('Your access level has no SIP accounts')).toBeInTheDocument()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  expect(screen.queryByRole('searchbox')).not.toBeInTheDocument()
  // At most the resume's speculative first page, sent beside validateToken before the level was
  // known (decision 029) and never read; nothing asks for SIP accounts once the level is known.
  expect(requests.sipLists().length).toBeLessThanOrEqual(1)
  requests.stop()
})

test('an access level the dashboard does not know gets the least access', async () => {
  api.server.use(
    http.get('*/api/auth/validateToken', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as Record<string, unknown>
      return HttpResponse.json({ ...body, accessLevel: 'SUPER_ADMIN' })
    }),
  )
  renderApp(api, { as: 'admin' })
  expect(await screen.findByText('Your access level has no SIP accounts')).toBeInTheDocument()
  expect(screen.queryByRole('combobox', { name: 'Customer' })).not.toBeInTheDocument()
})

test('fields a role may not see are dropped right after parsing: never in the cache, never in the DOM', async () => {
  const secrets = { notes: 'SECRET-NOTE-XYZ', sipServer: '10.99.99.99' }
  const inject = async (request: Request) => {
    const body = (await (await forward(api, request)).json()) as Record<string, unknown>
    const rows = Array.isArray(body.sipAccounts) ? (body.sipAccounts as Array<Record<string, unknown>>) : [body]
    for (const row of rows) Object.assign(row, secrets)
    return HttpResponse.json(body)
  }
  api.server.use(
    http.get('*/api/sip', ({ request }) => inject(request)),
    http.get('*/api/sip/:id', ({ request }) => inject(request)),
  )
  const { queryClient } = renderApp(api, { as: 'viewer', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' }, { timeout: 8000 })
  await within(dialog).findByText('Connection type', {}, { timeout: 8000 })
  await findRows().catch(() => undefined)
  const cached = JSON.stringify(
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.state.data),
  )
  expect(cached).toContain('Hovedtrunk')
  expect(cached).not.toContain(secrets.notes)
  expect(cached).not.toContain(secrets.sipServer)
  expect(document.body.textContent).not.toContain(secrets.notes)
  expect(document.body.textContent).not.toContain(secrets.sipServer)
})

test('permission-dependent columns and pickers are there from the first frame, never late', async () => {
  const headerSets = new Set<string>()
  const pickerCounts = new Set<number>()
  const observer = new MutationObserver(() => {
    const table = document.querySelector('table[aria-label="SIP accounts"]')
    if (!table) return
    headerSets.add([...table.querySelectorAll('th')].map((th) => th.textContent).join('|'))
    pickerCounts.add(document.querySelectorAll('[role="combobox"]:not(select)').length)
  })
  observer.observe(document.body, { subtree: true, childList: true })
  renderApp(api, { as: 'reseller' })
  await findRows()
  observer.disconnect()
  expect([...headerSets]).toEqual([SCOPE_COLUMNS.join('|')])
  expect([...pickerCounts]).toEqual([2])
})
