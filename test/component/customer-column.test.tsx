import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { cellsOf, columnNames, dataRows, findRows, rangeText, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 40_000 })

const C = DEMO_CUSTOMER_IDS
const HEX_ID = /^[0-9a-f]{24}$/i
const STORED_V2 = 'telecomx:sip-list-view:v2'
const STORED_V3 = 'telecomx:sip-list-view:v3'

const bulkRequests = (urls: URL[]) => urls.filter((url) => url.pathname === '/api/customer' && url.searchParams.has('customerIds'))
const nameRequests = (urls: URL[]) => urls.filter((url) => /^\/api\/customer\/[^/]+\/name$/.test(url.pathname))
const at = (offset: number) => (url: URL) => (url.searchParams.get('offset') ?? '0') === String(offset)

function customerCells(): string[] {
  const column = columnNames().indexOf('Customer')
  return dataRows().map((row) => cellsOf(row)[column]?.textContent ?? '')
}

async function openChooser(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Columns' }))
  return screen.findByRole('dialog', { name: 'Table view' })
}

test('a reseller lands with the Customer column shown and named: a page is 2 GET /sip in parallel and 1 GET /customer, the next page is ready with its names', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller' })
  await findRows()
  expect(columnNames().slice(0, 2)).toEqual(['Name', 'Customer'])
  await waitFor(() => expect(customerCells().every((text) => text !== '' && text !== '…' && !HEX_ID.test(text))).toBe(true))
  expect(customerCells()).toContain('Hedegaard Vognmænd I/S')
  // The next page and its names are prefetched in the background.
  await waitFor(() => expect(bulkRequests(requests.urls())).toHaveLength(2))

  // Only full rows carry `customer`, the condensed ones the rate plan's name: the page is one
  // request of each, in parallel (decision 042), after the resume's early condensed one (029).
  const [early, ...lists] = requests.sipLists()
  expect(early?.searchParams.has('reseller')).toBe(false)
  expect(lists.every((url) => url.searchParams.get('reseller') === C.reseller && url.searchParams.get('limit') === '100')).toBe(true)
  const first = lists.filter(at(0))
  expect(first.map((url) => url.searchParams.get('full') ?? 'condensed').sort()).toEqual(['condensed', 'true'])
  const next = lists.filter(at(100))
  expect(next.map((url) => url.searchParams.get('full') ?? 'condensed').sort()).toEqual(['condensed', 'true'])
  expect(lists).toHaveLength(4)
  // Names: one bulk request per page, never one per row or per customer.
  expect(nameRequests(requests.urls())).toHaveLength(0)

  // Next: the rows and every name at once; nothing is asked again for page 2.
  const sent = requests.urls().length
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  await waitFor(() => expect(rangeText()).toMatch(/^101–/))
  expect(customerCells().every((text) => text !== '' && text !== '…' && !HEX_ID.test(text))).toBe(true)
  const after = requests.urls().slice(sent)
  expect(after.filter((url) => url.pathname === '/api/sip').filter(at(100))).toHaveLength(0)
  // Only the page after (if any) is prefetched, with its names.
  expect(after.filter((url) => url.pathname === '/api/sip').every(at(200))).toBe(true)
  expect(bulkRequests(after).length).toBeLessThanOrEqual(1)
  requests.stop()
})

test('while the page’s names are on their way the cells wait quietly, never a flash of ids', async () => {
  const seen = new Set<string>()
  const observer = new MutationObserver(() => {
    const table = document.querySelector('table[aria-label="SIP accounts"]')
    if (!table) return
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent)
    const column = headers.indexOf('Customer')
    if (column < 0) return
    for (const row of table.querySelectorAll('tbody tr:not([aria-hidden="true"])')) {
      const text = row.children[column]?.textContent
      if (text) seen.add(text)
    }
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  renderApp(api, { as: 'reseller' })
  await findRows()
  await waitFor(() => expect(customerCells().every((text) => text !== '…')).toBe(true))
  observer.disconnect()
  expect([...seen].filter((text) => HEX_ID.test(text))).toEqual([])
  expect(seen).toContain('Hedegaard Vognmænd I/S')
})

test('a user who hides the Customer column keeps it hidden (and the list stops asking full=true)', async () => {
  const first = renderApp(api, { as: 'reseller' })
  await findRows()
  expect(columnNames()).toContain('Customer')
  const dialog = await openChooser(first.user)
  await first.user.click(within(dialog).getByRole('checkbox', { name: /Customer/ }))
  await first.user.click(within(dialog).getByRole('button', { name: 'Done' }))
  expect(columnNames()).not.toContain('Customer')
  expect(localStorage.getItem(STORED_V3)).toContain('{"id":"customer","visible":false}')
  first.unmount()

  const requests = recordRequests(api)
  renderApp(api, { as: 'reseller', url: `/?reseller=${C.subReseller}` })
  await findRows()
  expect(columnNames()).not.toContain('Customer')
  expect(requests.sipLists().every((url) => !url.searchParams.has('full'))).toBe(true)
  requests.stop()
})

test('an untouched Customer column follows the scope: hidden on one customer, shown on many, also after other columns changed', async () => {
  const own = renderApp(api, { as: 'reseller', url: `/?customer=${C.reseller}` })
  await findRows()
  expect(columnNames()).not.toContain('Customer')
  // Another column changed in the one-customer scope: stored, but Customer is not (it is nobody's choice).
  const dialog = await openChooser(own.user)
  expect(within(dialog).getByRole('checkbox', { name: /Customer/ })).not.toBeChecked()
  await own.user.click(within(dialog).getByRole('checkbox', { name: 'IP address' }))
  await own.user.click(within(dialog).getByRole('button', { name: 'Done' }))
  expect(localStorage.getItem(STORED_V3)).toContain('{"id":"customer"}')

  await own.user.click(screen.getByRole('button', { name: 'Show all my customers' }))
  await waitFor(() => expect(columnNames()).toContain('Customer'))
  expect(columnNames()).not.toContain('IP address')
  own.unmount()
})

test('a view stored before (v2, whose customer: false was only the old default) shows the column on many customers and keeps the rest', async () => {
  localStorage.removeItem(STORED_V3)
  localStorage.setItem(
    STORED_V2,
    JSON.stringify({
      columns: [
        { id: 'name', visible: true },
        { id: 'numbers', visible: true },
        { id: 'ratePlan', visible: false },
        { id: 'customer', visible: false },
      ],
      density: 'compact',
      widths: { name: 300 },
    }),
  )
  renderApp(api, { as: 'admin' })
  await findRows()
  const names = columnNames()
  expect(names).toContain('Customer')
  expect(names).not.toContain('Rate plan')
  expect(document.querySelector('.table-scroll')).toHaveClass('is-compact')
})
