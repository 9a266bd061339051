import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { listViewPreference } from '../../src/features/sip-accounts/columns/list-view.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { cellsOf, columnNames, dataRows, findRows, forward, recordRequests, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

/** Reseller scope, a page of 100: rows of many customers (the reseller's whole subtree). */
const RESELLER_PAGE = `/?reseller=${DEMO_CUSTOMER_IDS.reseller}&limit=100`
const HEX_ID = /^[0-9a-f]{24}$/i

beforeEach(() => {
  // The Customer column on (it asks full=true: only the full object carries `customer`).
  listViewPreference.write({ columns: [{ id: 'customer', visible: true }], density: 'compact', widths: {} })
})

const bulkRequests = (urls: URL[]) => urls.filter((url) => url.pathname === '/api/customer' && url.searchParams.has('customerIds'))
const nameRequests = (urls: URL[]) => urls.filter((url) => /^\/api\/customer\/[^/]+\/name$/.test(url.pathname))

/** Customers owning accounts in the reseller's subtree (itself, its customers, its sub-reseller's), from the reference database. */
function subtreeCustomers(): string[] {
  const rows = api.db
    .prepare(
      'SELECT customer FROM sip_accounts WHERE customer IN (SELECT id FROM customers WHERE id = ? OR parent_reseller = ? OR parent_reseller IN (SELECT id FROM customers WHERE parent_reseller = ?))',
    )
    .all(DEMO_CUSTOMER_IDS.reseller, DEMO_CUSTOMER_IDS.reseller, DEMO_CUSTOMER_IDS.reseller)
  return z
    .array(z.object({ customer: z.string() }))
    .parse(rows)
    .map((row) => row.customer)
}

function customerCells(): string[] {
  const column = columnNames().indexOf('Customer')
  return dataRows().map((row) => cellsOf(row)[column]?.textContent ?? '')
}

test('a reseller-scope page of 100 rows names its customers with ONE GET /customer?customerIds=… and no per-id requests', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'reseller', url: RESELLER_PAGE })
  await findRows()
  await waitFor(() => expect(columnNames()).toContain('Customer'))
  await waitFor(() => expect(customerCells().some((text) => text === 'Hedegaard Vognmænd I/S')).toBe(true))
  await waitFor(() => expect(customerCells().every((text) => text !== '' && !HEX_ID.test(text))).toBe(true))

  const full = requests.sipLists().filter((url) => url.searchParams.get('full') === 'true' && url.searchParams.get('offset') === '0')
  expect(full.length).toBeGreaterThan(0)
  const bulk = bulkRequests(requests.urls())
  // This page's (the first); at most one more names the prefetched next page (customer-column.test).
  expect(bulk.length).toBeGreaterThanOrEqual(1)
  expect(bulk.length).toBeLessThanOrEqual(2)
  expect(nameRequests(requests.urls())).toHaveLength(0)
  // One comma-separated value naming each distinct customer of the page once (not the own one:
  // the session names it), limit=100 so they all fit.
  const asked = bulk[0]?.searchParams.get('customerIds')?.split(',') ?? []
  expect(new Set(asked).size).toBe(asked.length)
  expect(asked.length).toBeGreaterThan(3)
  expect(asked).not.toContain(DEMO_CUSTOMER_IDS.reseller)
  expect(asked.every((id) => subtreeCustomers().includes(id))).toBe(true)
  expect(bulk[0]?.searchParams.get('limit')).toBe('100')
  expect(bulk[0]?.searchParams.has('full')).toBe(false)
  requests.stop()
})

test('an id the bulk answer lacks falls back to one GET /customer/:id/name', async () => {
  let dropped: string | undefined
  api.server.use(
    http.get('*/api/customer', async ({ request }) => {
      const response = await forward(api, request)
      if (!new URL(request.url).searchParams.has('customerIds')) return response
      const body = z.looseObject({ customers: z.array(z.looseObject({ _id: z.string() })) }).parse(await response.json())
      const sub = body.customers.find((customer) => customer._id === DEMO_CUSTOMER_IDS.subCustomer)
      // Kept once seen: the next page's prefetched names may come later and lack it.
      if (sub) dropped = sub._id
      return HttpResponse.json({ ...body, customers: body.customers.filter((customer) => customer !== sub) })
    }),
  )
  const requests = recordRequests(api)
  renderApp(api, { as: 'reseller', url: RESELLER_PAGE })
  await findRows()
  await waitFor(() => expect(customerCells().some((text) => text === 'Hedegaard Vognmænd I/S')).toBe(true))
  await waitFor(() => expect(customerCells().every((text) => text !== '' && !HEX_ID.test(text))).toBe(true))
  expect(dropped).toBe(DEMO_CUSTOMER_IDS.subCustomer)
  // This page's, and perhaps the prefetched next page's.
  expect(bulkRequests(requests.urls()).length).toBeLessThanOrEqual(2)
  expect(nameRequests(requests.urls()).map((url) => url.pathname)).toEqual([`/api/customer/${DEMO_CUSTOMER_IDS.subCustomer}/name`])
  requests.stop()
})

test('names are cached: the drawer finds its customer’s name without asking again', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: RESELLER_PAGE })
  await findRows()
  await waitFor(() => expect(customerCells().some((text) => text === 'Hedegaard Vognmænd I/S')).toBe(true))
  const row = dataRows().find((candidate) => candidate.textContent?.includes('Hedegaard Vognmænd I/S'))
  expect(row).toBeDefined()
  if (row) await user.click(row)
  const drawer = await screen.findByRole('dialog', {}, { timeout: 10_000 })
  await waitFor(() => expect(drawer).toHaveTextContent('Hedegaard Vognmænd I/S'))
  // This page's, and perhaps the prefetched next page's: none for the drawer.
  expect(bulkRequests(requests.urls()).length).toBeLessThanOrEqual(2)
  expect(nameRequests(requests.urls())).toHaveLength(0)
  requests.stop()
})
