import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { cellsOf, columnNames, dataRows, findRows, recordRequests, renderApp, table } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

const DEFAULT_COLUMNS = [
  'Name',
  'Numbers',
  'Status',
  'Active',
  'Connection',
  'IP address',
  'Username',
  'Rate plan',
  'Failover',
  'Usage block',
]
/** The views below are v1 (no widths): the list still reads them; it writes v3 (decision 042). */
const STORAGE_KEY = 'telecomx:sip-list-view:v1'
const STORAGE_KEY_V3 = 'telecomx:sip-list-view:v3'

async function openChooser(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Columns' }))
  return screen.findByRole('dialog', { name: 'Table view' })
}

function offered(dialog: HTMLElement): string[] {
  return within(dialog)
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.textContent?.replace(/details$/, '') ?? '')
}

test('show, hide and order columns; remembered across a reload; Reset view restores the defaults', async () => {
  const first = renderApp(api, { as: 'owner' })
  await findRows()
  expect(columnNames()).toEqual(DEFAULT_COLUMNS)
  const { user } = first
  const dialog = await openChooser(user)
  // Focus moves into the dialog.
  expect(dialog).toContainElement(document.activeElement instanceof HTMLElement ? document.activeElement : null)

  await user.click(within(dialog).getByRole('checkbox', { name: 'Rate plan' }))
  await user.click(within(dialog).getByRole('button', { name: 'Move Status up' }))
  await user.click(within(dialog).getByRole('button', { name: 'Move Status up' }))
  await user.click(within(dialog).getByRole('radio', { name: 'Compact' }))
  // Status moved above Name, but Name is pinned to the left edge: Status comes right after it.
  const changed = ['Name', 'Status', 'Numbers', 'Active', 'Connection', 'IP address', 'Username', 'Failover', 'Usage block']
  expect(columnNames()).toEqual(changed)
  // Cells follow their headers.
  expect(cellsOf(dataRows()[0] as HTMLElement)[1]?.textContent).toMatch(/Up|Down|PBX|—/)
  expect(table().closest('.table-scroll')).toHaveClass('is-compact')
  await user.click(within(dialog).getByRole('button', { name: 'Done' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Columns' })).toHaveFocus()

  first.unmount()
  const second = renderApp(api, { as: 'owner' })
  await findRows()
  expect(columnNames()).toEqual(changed)
  expect(table().closest('.table-scroll')).toHaveClass('is-compact')

  const again = await openChooser(second.user)
  await second.user.click(within(again).getByRole('button', { name: 'Reset view' }))
  expect(columnNames()).toEqual(DEFAULT_COLUMNS)
  expect(table().closest('.table-scroll')).not.toHaveClass('is-compact')
  expect(localStorage.getItem(STORAGE_KEY_V3)).toContain('"columns":[]')
})

test('the last visible column cannot be hidden', async () => {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      columns: [
        { id: 'name', visible: true },
        ...DEFAULT_COLUMNS.slice(1).map((_, i) => ({
          id: ['numbers', 'status', 'active', 'connection', 'ipAddress', 'username', 'ratePlan', 'failover', 'usageBlock'][i] ?? '',
          visible: false,
        })),
      ],
      density: 'comfortable',
    }),
  )
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  expect(columnNames()).toEqual(['Name'])
  const dialog = await openChooser(user)
  expect(within(dialog).getByRole('checkbox', { name: 'Name' })).toBeDisabled()
})

test('a stored view from another column set or by hand never breaks the page', async () => {
  // Unknown and renamed ids are dropped, known ones keep their place, new ones come at their default place.
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      columns: [
        { id: 'username', visible: true },
        { id: 'gone', visible: true },
        { id: 'name', visible: true },
      ],
      density: 'compact',
    }),
  )
  const first = renderApp(api, { as: 'owner' })
  await findRows()
  const names = columnNames()
  // Name is pinned first; the stored order follows.
  expect(names.slice(0, 2)).toEqual(['Name', 'Username'])
  expect(names.indexOf('Name')).toBeLessThan(names.indexOf('Numbers'))
  expect([...names].sort()).toEqual([...DEFAULT_COLUMNS].sort())
  expect(table().closest('.table-scroll')).toHaveClass('is-compact')
  first.unmount()

  for (const junk of [
    '{not json',
    '"string"',
    JSON.stringify({ columns: 'x', density: 'huge' }),
    JSON.stringify({ columns: [{ id: 5 }] }),
  ]) {
    localStorage.setItem(STORAGE_KEY, junk)
    const view = renderApp(api, { as: 'owner' })
    await findRows()
    expect(columnNames()).toEqual(DEFAULT_COLUMNS)
    view.unmount()
  }
})

test('full-object columns: the list asks for full=true only while one is shown', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  expect(requests.sipLists().every((url) => !url.searchParams.has('full'))).toBe(true)

  const dialog = await openChooser(user)
  await user.click(within(dialog).getByRole('checkbox', { name: /User agent/ }))
  await user.click(within(dialog).getByRole('checkbox', { name: /Customer/ }))
  await waitFor(() => expect(columnNames()).toContain('User agent'))
  await waitFor(() => expect(requests.sipLists().some((url) => url.searchParams.get('full') === 'true')).toBe(true))
  const full = requests.sipLists().find((url) => url.searchParams.get('full') === 'true')
  expect(full?.searchParams.get('offset')).toBe('0')

  // The values arrive: a user agent from the full object, the own customer by name, the rate plan name kept.
  await waitFor(() =>
    expect(
      dataRows().some((row) => /Yealink|Grandstream|Snom|Cisco|Asterisk|FreeSWITCH|Panasonic|Gigaset/i.test(row.textContent ?? '')),
    ).toBe(true),
  )
  const customerColumn = columnNames().indexOf('Customer')
  const customerCells = dataRows().map((row) => cellsOf(row)[customerColumn]?.textContent)
  expect(new Set(customerCells)).toEqual(new Set(['Fjordvej Tømrer & Snedker ApS']))
  const ratePlanColumn = columnNames().indexOf('Rate plan')
  const ratePlans = dataRows().map((row) => cellsOf(row)[ratePlanColumn]?.textContent)
  expect(ratePlans.some((text) => text && text !== '—')).toBe(true)

  await user.click(within(dialog).getByRole('checkbox', { name: /User agent/ }))
  await user.click(within(dialog).getByRole('checkbox', { name: /Customer/ }))
  await user.click(within(dialog).getByRole('button', { name: 'Done' }))
  expect(columnNames()).toEqual(DEFAULT_COLUMNS)
  const before = requests.sipLists().length
  await user.click(screen.getByRole('radio', { name: /^Up\b/ }))
  await waitFor(() => expect(requests.sipLists().length).toBeGreaterThan(before))
  expect(
    requests
      .sipLists()
      .slice(before)
      .every((url) => !url.searchParams.has('full')),
  ).toBe(true)
  requests.stop()
})

test('only columns the role may see are offered', async () => {
  const owner = renderApp(api, { as: 'owner' })
  await findRows()
  const ownerOffer = offered(await openChooser(owner.user))
  expect(ownerOffer).toEqual(['Name', 'Customer', ...DEFAULT_COLUMNS.slice(1), 'Default number', 'Contact', 'User agent'])
  owner.unmount()

  const reseller = renderApp(api, { as: 'reseller' })
  await findRows()
  const resellerOffer = offered(await openChooser(reseller.user))
  expect(resellerOffer).toContain('Notes')
  expect(resellerOffer).not.toContain('SIP server')
  reseller.unmount()

  const admin = renderApp(api, { as: 'admin' })
  await findRows()
  const adminOffer = offered(await openChooser(admin.user))
  expect(adminOffer).toEqual(expect.arrayContaining(['Notes', 'SIP server']))
})

test('a stored Notes column never shows for a role without notes', async () => {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      columns: [
        { id: 'notes', visible: true },
        { id: 'sipServer', visible: true },
        { id: 'name', visible: true },
      ],
      density: 'comfortable',
    }),
  )
  renderApp(api, { as: 'viewer' })
  await findRows()
  expect(columnNames()).not.toContain('Notes')
  expect(columnNames()).not.toContain('SIP server')
  expect(columnNames()[0]).toBe('Name')
})
