import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, renderApp } from './render-app.tsx'

/*
 * An API that breaks its contract (a wrong type, a missing required field) gets an error that
 * names the field, in the place the data would have gone; never a blank page, never a crash.
 * The reference server answers, and one field of its answer is broken on the way (MSW).
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

type Json = Record<string, unknown>

/** GET /sip answered by the reference server, then changed by `change`. */
function breakList(change: (body: Json & { sipAccounts: Json[] }) => void) {
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as Json & { sipAccounts: Json[] }
      change(body)
      return HttpResponse.json(body)
    }),
  )
}

type Body = Json & { sipAccounts: Json[] }

test.for<[string, string, (body: Body) => void]>([
  ['a missing required field (_id of the 4th account)', 'sipAccounts.3._id', (b) => delete b.sipAccounts[3]?._id],
  ['a number where text belongs (a name)', 'sipAccounts.3.name', (b) => void ((b.sipAccounts[3] ?? {}).name = 42)],
  ['a list that is not a list (numbers)', 'sipAccounts.0.numbers', (b) => void ((b.sipAccounts[0] ?? {}).numbers = '+4512345678')],
  ['a total that is text', 'total', (b) => void (b.total = '60')],
  ['no accounts array at all', 'sipAccounts', (b) => delete (b as Json).sipAccounts],
])('%s: the list shows an alert naming the field %s, and no table', async ([, field, change]) => {
  breakList(change)
  renderApp(api, { as: 'owner' })
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The API sent data this dashboard does not understand')
  expect(alert).toHaveTextContent(`“${field}”`)
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
  // The rest of the page is there: header, heading, search.
  expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  expect(screen.getByRole('searchbox', { name: 'Search' })).toBeInTheDocument()
})

test('a broken account in the drawer: the drawer says which field, the list stays', async () => {
  // The full object is broken wherever it comes from: GET /sip/:id or GET /sip?full=true (the list stays intact).
  const breakPort = (account: Json) => void (account.port = 'five thousand sixty')
  api.server.use(
    http.get('*/api/sip/:id', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as Json
      breakPort(body)
      return HttpResponse.json(body)
    }),
    http.get('*/api/sip', async ({ request }) => {
      const response = await forward(api, request)
      if (new URL(request.url).searchParams.get('full') !== 'true') return response
      const body = (await response.json()) as Json & { sipAccounts: Json[] }
      body.sipAccounts.forEach(breakPort)
      return HttpResponse.json(body)
    }),
  )
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  await user.click(row as HTMLElement)
  const dialog = await screen.findByRole('dialog', {}, { timeout: 8000 })
  const alert = await within(dialog).findByRole('alert', {}, { timeout: 8000 })
  expect(alert).toHaveTextContent('does not understand')
  expect(alert).toHaveTextContent(/“(sipAccounts\.0\.)?port”/)
  expect(screen.getByRole('table', { name: 'SIP accounts' })).toBeInTheDocument()
})

test('a broken sign-in answer (validateToken) names the field and offers Retry and Sign in again', async () => {
  api.server.use(
    http.get('*/api/auth/validateToken', () => HttpResponse.json({ success: true, employee: 'not-an-id', accessLevel: 'OWNER' })),
  )
  renderApp(api, { as: 'owner' })
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Your session could not be resumed')
  expect(alert).toHaveTextContent('“employee”')
  expect(screen.getByRole('button', { name: 'Sign in again' })).toBeInTheDocument()
})
