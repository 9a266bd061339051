import { screen, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findCell, findRows, rangeText, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

test('a RESELLER picks a customer by name, then a reseller, then goes back to all its customers, then to its own customer', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: '/?offset=3' })
  await findRows()
  // It lands on all its customers (decision 041): the whole subtree, from the 4th account.
  const all = rangeText()
  expect(all).toMatch(/^4–103 of /)
  expect(requests.sipLists().at(-1)?.searchParams.get('reseller')).toBe(DEMO_CUSTOMER_IDS.reseller)

  const customer = screen.getByRole('combobox', { name: 'Customer' })
  await user.type(customer, 'Hedegaard')
  // The picker lists customers as soon as it opens: wait for the (debounced) filtered answer.
  await waitFor(() =>
    expect(requests.urls().some((url) => url.pathname === '/api/customer' && url.searchParams.get('filter') === 'Hedegaard')).toBe(true),
  )
  await user.click(await screen.findByRole('option', { name: /Hedegaard Vognmænd/ }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.subCustomer)
  expect(search().get('offset')).toBeNull()
  expect(await findCell(/Vognmand Hedegaard/)).toBeVisible()
  expect(customer).toHaveValue('Hedegaard Vognmænd I/S')

  const reseller = screen.getByRole('combobox', { name: 'Reseller' })
  await user.click(reseller)
  await user.type(reseller, 'Østjysk')
  await user.click(await screen.findByRole('option', { name: /Østjysk IT/ }))
  expect(search().get('reseller')).toBe(DEMO_CUSTOMER_IDS.subReseller)
  expect(search().get('customer')).toBeNull()
  await waitFor(() =>
    expect(requests.sipLists().some((url) => url.searchParams.get('reseller') === DEMO_CUSTOMER_IDS.subReseller)).toBe(true),
  )

  // Back to where it landed: a plain URL, the whole subtree again.
  await user.click(screen.getByRole('button', { name: 'Show all my customers' }))
  expect(search().get('reseller')).toBeNull()
  expect(search().get('customer')).toBeNull()
  await waitFor(() => expect(rangeText()).toBe(all.replace(/^\S+/, '1–100')))
  expect(screen.queryByRole('button', { name: 'Show all my customers' })).not.toBeInTheDocument()

  // Its own customer is one choice away, and written in the URL.
  await user.click(screen.getByRole('button', { name: 'Show my own customer' }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.reseller)
  await waitFor(() => expect(rangeText()).toBe('1–5 of 5'))
  expect(screen.queryByRole('button', { name: 'Show my own customer' })).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Show all my customers' })).toBeInTheDocument()
  requests.stop()
})

test('an ADMIN pastes a customer id: it is labelled by name via GET /customer/:id/name', async () => {
  const requests = recordRequests(api)
  // On its own customer there is no Customer column, so no bulk answer has named Kattegat yet.
  const { user } = renderApp(api, { as: 'admin', url: `/?customer=${DEMO_CUSTOMER_IDS.telecomX}` })
  await findRows()
  const customer = screen.getByRole('combobox', { name: 'Customer' })
  await waitFor(() => expect(customer).toHaveValue('Telecom X A/S'))
  await user.clear(customer)
  await user.paste(DEMO_CUSTOMER_IDS.foreignCustomer)
  await user.click(await screen.findByRole('option', { name: /Kattegat Shipping/ }))
  expect(search().get('customer')).toBe(DEMO_CUSTOMER_IDS.foreignCustomer)
  expect(requests.urls().some((url) => url.pathname === `/api/customer/${DEMO_CUSTOMER_IDS.foreignCustomer}/name`)).toBe(true)
  expect(await findCell(/Kattegat Shipping – bro/)).toBeVisible()
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
