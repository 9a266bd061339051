import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, forward, rangeText, renderApp, table } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const emptyList = () => HttpResponse.json({ offset: 0, limit: 100, total: 0, sipAccounts: [] })

test('first load shows a skeleton under the real column headers, marked busy', async () => {
  // The answers are held until the test has seen the loading state (no timing involved).
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      await held
      return forward(api, request)
    }),
  )
  renderApp(api, { as: 'owner' })
  await screen.findByRole('table', { name: 'SIP accounts' })
  expect(table()).toHaveAttribute('aria-busy', 'true')
  expect(screen.getAllByRole('columnheader')).toHaveLength(10)
  expect(dataRows()).toHaveLength(0)
  expect(screen.getByText('Loading SIP accounts…')).toBeInTheDocument()
  release()
  await findRows()
  expect(table()).toHaveAttribute('aria-busy', 'false')
})

test('"No SIP accounts yet" when the customer has none', async () => {
  api.server.use(http.get('*/api/sip', emptyList))
  renderApp(api, { as: 'owner' })
  expect(await screen.findByText('No SIP accounts yet')).toBeInTheDocument()
  expect(dataRows()).toHaveLength(0)
  expect(rangeText()).toBe('0 of 0')
})

test('"No account matches “x”" for a search without results', async () => {
  renderApp(api, { as: 'owner', url: '/?filter=zzqqxx' })
  expect(await screen.findByText('No account matches “zzqqxx”')).toBeInTheDocument()
  expect(dataRows()).toHaveLength(0)
})

test('"No accounts are down" when the Down filter finds nothing', async () => {
  api.server.use(http.get('*/api/sip', emptyList))
  renderApp(api, { as: 'owner', url: '/?up=false' })
  expect(await screen.findByText('No accounts are down')).toBeInTheDocument()
})

test('a page past the end says so and offers the last page', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?offset=5000' })
  expect(await screen.findByText('This page is past the end of the list')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Go to the last page' }))
  await findRows()
  expect(rangeText()).toBe('1–60 of 60')
})

test('an unknown customer (400 customer) is an alert with Retry and a way back, never an empty table', async () => {
  const { user } = renderApp(api, { as: 'admin', url: '/?customer=ffffffffffffffffffffffff' })
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Customer not found')
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  expect(screen.queryByText(/No SIP accounts yet|No account matches/)).not.toBeInTheDocument()
  await user.click(screen.getAllByRole('button', { name: 'Show my own customer' })[0] as HTMLElement)
  await findRows()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a customer outside the reseller’s tree (403 access_denied) says there is no access', async () => {
  renderApp(api, { as: 'reseller', url: `/?customer=${DEMO_CUSTOMER_IDS.foreignCustomer}` })
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('No access to this customer')
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
})

test('a network failure says the API cannot be reached, and Retry recovers', async () => {
  api.server.use(http.get('*/api/sip', () => HttpResponse.error()))
  const { user } = renderApp(api, { as: 'owner' })
  expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the Telecom X API')
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  api.server.resetHandlers()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  await findRows()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('a response that breaks the contract names the offending field', async () => {
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as { sipAccounts: Array<Record<string, unknown>> }
      const row = body.sipAccounts[3]
      if (row) row.status = 'MAYBE'
      return HttpResponse.json(body)
    }),
  )
  renderApp(api, { as: 'owner' })
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('sipAccounts.3.status')
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
})

test('a 5xx is an error with Retry, not "no results"', async () => {
  api.server.use(
    http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'internal', message: 'Boom', status: 500 } }, { status: 500 })),
  )
  renderApp(api, { as: 'owner' })
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Could not load SIP accounts'))
  expect(screen.queryByText('No SIP accounts yet')).not.toBeInTheDocument()
})
