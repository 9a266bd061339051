import { screen, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { DEMO_CUSTOMER_IDS, type DemoUserKey } from '../../server/demo-users.ts'
import { SipAccountListSchema } from '../../src/api/sip-account.ts'
import { LANDING_HINT_KEY } from '../../src/features/sip-accounts/list/landing-hint.ts'
import { formatRange } from '../../src/lib/format.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { columnNames, findRows, rangeText, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

const C = DEMO_CUSTOMER_IDS

/** What the API itself answers this user for this query: the ground truth of the range text. */
async function apiTotal(user: DemoUserKey, query: string): Promise<number> {
  const response = await api.app.fetch(
    new Request(`http://api.test/sip?limit=1&${query}`, { headers: { Authorization: `Bearer ${api.tokenFor(user)}` } }),
  )
  expect(response.status).toBe(200)
  return z.parse(SipAccountListSchema, await response.json()).total
}

const firstRange = (total: number) => formatRange(0, Math.min(100, total), total)

const scopeLevels: [DemoUserKey, string][] = [
  ['reseller', C.reseller],
  ['resellerAdmin', C.reseller],
  ['subReseller', C.subReseller],
  ['admin', C.telecomX],
]

test.each(scopeLevels)(
  '%s opens a plain URL on all its customers: reseller=<own id>, the Customer column, "Show my own customer"',
  async (user, own) => {
    const requests = recordRequests(api)
    renderApp(api, { as: user })
    await findRows()
    const total = await apiTotal(user, `reseller=${own}`)
    // More than its own customer: the whole subtree (for ADMIN, every account).
    expect(total).toBeGreaterThan(await apiTotal(user, ''))
    await waitFor(() => expect(rangeText()).toBe(firstRange(total)))
    expect(search().toString()).toBe('')
    // The resume's early request went out before the level was known (decision 029, no landing
    // remembered in a fresh tab); every request made for the level asks for the subtree.
    const [early, ...asked] = requests.sipLists()
    expect(early?.searchParams.has('reseller')).toBe(false)
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((url) => url.searchParams.get('reseller') === own && !url.searchParams.has('customer'))).toBe(true)
    expect(columnNames()).toContain('Customer')
    expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveValue('')
    expect(screen.queryByRole('button', { name: 'Show all my customers' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Show my own customer' })).toBeInTheDocument()
    requests.stop()
  },
)

test.each(['viewer', 'manager', 'owner'] as const)('%s still opens on its own customer, without scope or Customer column', async (user) => {
  const requests = recordRequests(api)
  renderApp(api, { as: user })
  await findRows()
  await waitFor(() => expect(rangeText()).toBe(firstRange(60)))
  expect(await apiTotal(user, '')).toBe(60)
  expect(requests.sipLists().every((url) => !url.searchParams.has('reseller') && !url.searchParams.has('customer'))).toBe(true)
  expect(columnNames()).not.toContain('Customer')
  expect(screen.queryByRole('combobox', { name: 'Customer' })).not.toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /^Show / })).not.toBeInTheDocument()
  requests.stop()
})

test('the own customer is written ?customer=<own id>: its accounts only, no Customer column, and the way back to all', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller', url: `/?customer=${C.reseller}` })
  await findRows()
  await waitFor(() => expect(rangeText()).toBe('1–5 of 5'))
  expect(requests.sipLists().every((url) => url.searchParams.get('customer') === C.reseller)).toBe(true)
  expect(columnNames()).not.toContain('Customer')
  expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveValue('Nordisk Telefoni Partner A/S')
  expect(screen.queryByRole('button', { name: 'Show my own customer' })).not.toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Show all my customers' }))
  expect(search().toString()).toBe('')
  const total = await apiTotal('reseller', `reseller=${C.reseller}`)
  await waitFor(() => expect(rangeText()).toBe(firstRange(total)))
  await waitFor(() => expect(columnNames()).toContain('Customer'))
  requests.stop()
})

test('?reseller=<own id> is the landing view itself: the same request and query, no way "back" to it', async () => {
  const requests = recordRequests(api)
  renderApp(api, { as: 'reseller', url: `/?reseller=${C.reseller}` })
  await findRows()
  const total = await apiTotal('reseller', `reseller=${C.reseller}`)
  await waitFor(() => expect(rangeText()).toBe(firstRange(total)))
  expect(screen.queryByRole('button', { name: 'Show all my customers' })).not.toBeInTheDocument()
  expect(columnNames()).toContain('Customer')
  requests.stop()
})

test('a reload of the plain URL starts the landing page beside validateToken: the tab remembers where the level lands', async () => {
  // What the list remembered while signed in; a reload keeps sessionStorage (sign-out clears it).
  sessionStorage.setItem(LANDING_HINT_KEY, C.reseller)
  const requests = recordRequests(api)
  const { unmount } = renderApp(api, { as: 'reseller' })
  await findRows()
  // The early request is the landing page, and the list took it over: the condensed first page was
  // asked for once, and nothing was asked for the own customer alone.
  const [early] = requests.sipLists()
  expect(early?.searchParams.get('reseller')).toBe(C.reseller)
  const condensedFirst = requests
    .sipLists()
    .filter(
      (url) => url.searchParams.get('reseller') === C.reseller && !url.searchParams.has('full') && url.searchParams.get('offset') === '0',
    )
  expect(condensedFirst).toHaveLength(1)
  expect(requests.sipLists().every((url) => url.searchParams.has('reseller'))).toBe(true)
  expect(sessionStorage.getItem(LANDING_HINT_KEY)).toBe(C.reseller)
  // Leaving the signed-in page (sign-out, expiry) forgets it.
  unmount()
  expect(sessionStorage.getItem(LANDING_HINT_KEY)).toBeNull()
  requests.stop()
})
