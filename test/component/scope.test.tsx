import { screen, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, rangeText, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

test('a RESELLER picks a customer by name, then a reseller, then goes back to its own customer', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: '/?offset=3' })
  await findRows()
  const own = rangeText()

  const customer = screen.getByRole('combobox', { name: 'Customer' })
  await user.type(customer, 'Hedegaard')
  // The picker lists customers as soon as it opens: wait for the (debounced) filtered answer.
  await waitFor(() =>
    expect(requests.urls().some((url) => url.pathname === '/api/customer' && url.searchParams.get('filter') === 'Hedegaard')).toBe(true),
  )
  await user.click(await screen.findByRole('option', { name: /Hedegaard Vognmænd/ }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.subCustomer)
  expect(search().get('offset')).toBeNull()
  await waitFor(() => expect(screen.getByRole('cell', { name: /Vognmand Hedegaard/ })).toBeInTheDocument())
  expect(customer).toHaveValue('Hedegaard Vognmænd I/S')
  expect(requests.urls().some((url) => url.pathname === '/api/customer' && url.searchParams.get('filter') === 'Hedegaard')).toBe(true)

  const reseller = screen.getByRole('combobox', { name: 'Reseller' })
  await user.click(reseller)
  await user.type(reseller, 'Østjysk')
  await user.click(await screen.findByRole('option', { name: /Østjysk IT/ }))
  expect(search().get('reseller')).toBe(DEMO_CUSTOMER_IDS.subReseller)
  expect(search().get('customer')).toBeNull()
  await waitFor(() =>
    expect(requests.sipLists().some((url) => url.searchParams.get('reseller') === DEMO_CUSTOMER_IDS.subReseller)).toBe(true),
  )

  await user.click(screen.getByRole('button', { name: 'Show my own customer' }))
  expect(search().get('reseller')).toBeNull()
  expect(search().get('customer')).toBeNull()
  await waitFor(() => expect(rangeText()).toBe(own.replace(/^\S+/, '1–5')))
  requests.stop()
})

test('an ADMIN pastes a customer id: it is labelled by name via GET /customer/:id/name', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  const customer = screen.getByRole('combobox', { name: 'Customer' })
  await user.click(customer)
  await user.paste(DEMO_CUSTOMER_IDS.foreignCustomer)
  await user.click(await screen.findByRole('option', { name: /Kattegat Shipping/ }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.foreignCustomer)
  expect(requests.urls().some((url) => url.pathname === `/api/customer/${DEMO_CUSTOMER_IDS.foreignCustomer}/name`)).toBe(true)
  await waitFor(() => expect(screen.getByRole('cell', { name: /Kattegat Shipping – bro/ })).toBeInTheDocument())
  requests.stop()
})

test('a pasted id nobody knows is explained in the picker', async () => {
  const { user } = renderApp(api, { as: 'admin' })
  await findRows()
  await user.click(screen.getByRole('combobox', { name: 'Customer' }))
  await user.paste('ffffffffffffffffffffffff')
  expect(await screen.findByText('No customer has this id.')).toBeInTheDocument()
})

test('a link scoped to a customer shows the customer’s name in the picker', async () => {
  renderApp(api, { as: 'admin', url: `/?customer=${DEMO_CUSTOMER_IDS.subCustomer}` })
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveValue('Hedegaard Vognmænd I/S'))
})

test('a VIEWER following a link scoped to another customer sees its own accounts and is told why', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'viewer', url: `/?customer=${DEMO_CUSTOMER_IDS.foreignCustomer}` })
  await findRows()
  expect(screen.queryByRole('combobox', { name: 'Customer' })).not.toBeInTheDocument()
  expect(screen.getByText(/only your own customer’s accounts/)).toBeInTheDocument()
  // The first GET /sip is the resume's speculative one (the link as it is, sent before the level was
  // known, never read: decision 029); every request made for the VIEWER leaves the customer out.
  const [, ...own] = requests.sipLists()
  expect(own.length).toBeGreaterThan(0)
  expect(own.every((url) => !url.searchParams.has('customer'))).toBe(true)
  requests.stop()
})
