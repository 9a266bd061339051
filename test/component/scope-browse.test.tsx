import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, expect, test, vi } from 'vitest'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { sortKey } from '../../server/schema.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

/** 30 more direct customers (ADMIN sees them all): 14 demo + 30 = 44, three pages of 20. */
const EXTRA = 30
const ALL_CUSTOMERS = 14 + EXTRA
beforeAll(() => {
  const insert = api.db.prepare(
    'INSERT INTO customers (id, name, sort_key, parent_reseller, is_reseller, features) VALUES (?, ?, ?, NULL, 0, ?)',
  )
  for (let index = 0; index < EXTRA; index++) {
    const name = `Browse Testkunde ${String(index).padStart(2, '0')}`
    insert.run(`b0b0b0b0b0b0b0b0b0b0${String(index).padStart(4, '0')}`, name, sortKey(name), '[]')
  }
})

/** The pickers' listing (not the Customer column's names in bulk, customerIds=…). */
const customerRequests = (urls: URL[]) => urls.filter((url) => url.pathname === '/api/customer' && !url.searchParams.has('customerIds'))
const options = () => within(screen.getByRole('listbox', { name: 'Customer' })).queryAllByRole('option')

test('opening the Customer combobox lists the first customers without typing', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  expect(customerRequests(requests.urls())).toHaveLength(0)

  await user.click(screen.getByRole('combobox', { name: 'Customer' }))
  await waitFor(() => expect(options()).toHaveLength(20))
  expect(screen.getByText(`Showing 20 of ${ALL_CUSTOMERS}`)).toBeInTheDocument()
  expect(screen.queryByText('Type a name, or paste a customer id.')).not.toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveAttribute('aria-expanded', 'true')
  const [first] = customerRequests(requests.urls())
  // ADMIN says it means every customer; nothing typed, so no filter.
  expect(first?.searchParams.get('all')).toBe('true')
  expect(first?.searchParams.get('offset')).toBe('0')
  expect(first?.searchParams.get('limit')).toBe('20')
  expect(first?.searchParams.has('filter')).toBe(false)
  expect(first?.searchParams.has('resellers')).toBe(false)

  // Choosing one from the list scopes the list (URL and GET /sip).
  // Sorted by name: "Bornholm Røgeri" (a direct customer only ADMIN sees) comes first.
  expect(options()[0]).toHaveTextContent('Bornholm Røgeri')
  await user.click(screen.getByRole('option', { name: 'Bornholm Røgeri ApS' }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.directCustomer)
  await waitFor(() =>
    expect(requests.sipLists().some((url) => url.searchParams.get('customer') === DEMO_CUSTOMER_IDS.directCustomer)).toBe(true),
  )
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveValue('Bornholm Røgeri ApS'))
  requests.stop()
})

test('ArrowDown opens the list; "Load more" and ArrowDown past the last option fetch the next pages by offset', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  const input = screen.getByRole('combobox', { name: 'Customer' })
  input.focus()
  await user.keyboard('{ArrowDown}')
  await waitFor(() => expect(options()).toHaveLength(20))

  await user.click(screen.getByRole('button', { name: 'Load more' }))
  await waitFor(() => expect(options()).toHaveLength(40))
  expect(screen.getByText(`Showing 40 of ${ALL_CUSTOMERS}`)).toBeInTheDocument()
  expect(customerRequests(requests.urls()).map((url) => url.searchParams.get('offset'))).toEqual(['0', '20'])
  // The button never took focus: the popup is still open under the input.
  expect(input).toHaveFocus()

  // Walk to the last option; one more ArrowDown fetches the rest instead of wrapping.
  await user.keyboard('{ArrowUp}')
  expect(options()[39]).toHaveAttribute('aria-selected', 'true')
  await user.keyboard('{ArrowDown}')
  await waitFor(() => expect(options()).toHaveLength(ALL_CUSTOMERS))
  expect(customerRequests(requests.urls()).map((url) => url.searchParams.get('offset'))).toEqual(['0', '20', '40'])
  expect(screen.getByText(`Showing ${ALL_CUSTOMERS} of ${ALL_CUSTOMERS}`)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  requests.stop()
})

test('typing filters on the server (debounced, filter=) and the answer replaces the list', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  const input = screen.getByRole('combobox', { name: 'Customer' })
  await user.click(input)
  await waitFor(() => expect(options()).toHaveLength(20))
  await user.type(input, 'testkunde 1')
  await waitFor(() => expect(options()).toHaveLength(10))
  expect(options().every((option) => /^Browse Testkunde 1\d$/.test(option.textContent ?? ''))).toBe(true)
  expect(screen.getByText('Showing 10 of 10')).toBeInTheDocument()
  const filters = customerRequests(requests.urls()).map((url) => url.searchParams.get('filter'))
  expect(filters).toContain('testkunde 1')
  // Debounced: not one request per keystroke.
  expect(filters.filter((filter) => filter !== null).length).toBeLessThan('testkunde 1'.length)

  await user.clear(input)
  await user.type(input, 'zzz nobody')
  expect(await screen.findByText('No customer matches “zzz nobody”.')).toBeInTheDocument()
  requests.stop()
})

test('the Reseller combobox lists resellers (resellers=true) and choosing one scopes the list', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  await user.click(screen.getByRole('combobox', { name: 'Reseller' }))
  const listbox = await screen.findByRole('listbox', { name: 'Reseller' })
  await waitFor(() =>
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toHaveLength(3),
  )
  expect(within(listbox).getByRole('option', { name: /Østjysk IT/ })).toBeInTheDocument()
  expect(within(listbox).queryByRole('option', { name: /Hedegaard/ })).not.toBeInTheDocument()
  const asked = customerRequests(requests.urls()).at(-1)
  expect(asked?.searchParams.get('resellers')).toBe('true')
  expect(asked?.searchParams.get('all')).toBe('true')

  await user.click(within(listbox).getByRole('option', { name: /Østjysk IT/ }))
  expect(search().get('reseller')).toBe(DEMO_CUSTOMER_IDS.subReseller)
  await waitFor(() =>
    expect(requests.sipLists().some((url) => url.searchParams.get('reseller') === DEMO_CUSTOMER_IDS.subReseller)).toBe(true),
  )
  requests.stop()
})

test('a RESELLER’s Reseller picker offers its own reseller first, then its sub-resellers, without all=true', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: `/?customer=${DEMO_CUSTOMER_IDS.subCustomer}` })
  await findRows()
  await user.click(screen.getByRole('combobox', { name: 'Reseller' }))
  const listbox = await screen.findByRole('listbox', { name: 'Reseller' })
  await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(2))
  const [own, sub] = within(listbox).getAllByRole('option')
  expect(own).toHaveTextContent(/Nordisk Telefoni Partner.*\(yours\)/)
  expect(sub).toHaveTextContent(/Østjysk IT/)
  expect(customerRequests(requests.urls()).every((url) => !url.searchParams.has('all'))).toBe(true)
  // Its own reseller is the whole subtree, where it lands: the plain URL (decision 041).
  await user.click(own as HTMLElement)
  expect(search().get('reseller')).toBeNull()
  expect(search().get('customer')).toBeNull()
  await waitFor(() => expect(requests.sipLists().at(-1)?.searchParams.get('reseller')).toBe(DEMO_CUSTOMER_IDS.reseller))
  requests.stop()
})

test('a pasted customer id still works while the list is open', async () => {
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  await user.click(screen.getByRole('combobox', { name: 'Customer' }))
  await waitFor(() => expect(options()).toHaveLength(20))
  await user.paste(DEMO_CUSTOMER_IDS.foreignCustomer)
  await user.click(await screen.findByRole('option', { name: new RegExp(`Kattegat Shipping.*${DEMO_CUSTOMER_IDS.foreignCustomer}`) }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.foreignCustomer)
})
