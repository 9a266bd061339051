import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { DEMO_CUSTOMER_IDS, type DemoUserKey } from '../../server/demo-users.ts'
import { createStore } from '../../server/store.ts'
import { SipAccountListSchema } from '../../src/api/sip-account.ts'
import { formatCount } from '../../src/lib/format.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, recordRequests, renderApp, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })

afterEach(() => {
  vi.useRealTimers()
})

const C = DEMO_CUSTOMER_IDS

/** The API's own total for this user and query: the numbers the radios must show. */
async function truth(user: DemoUserKey, query: Record<string, string>): Promise<{ all: number; up: number; down: number }> {
  const total = async (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...query, ...extra, limit: '1' })
    const response = await api.app.fetch(
      new Request(`http://api.test/sip?${search.toString()}`, { headers: { Authorization: `Bearer ${api.tokenFor(user)}` } }),
    )
    return z.parse(SipAccountListSchema, await response.json()).total
  }
  return { all: await total({}), up: await total({ up: 'true' }), down: await total({ up: 'false' }) }
}

const group = () => screen.getByRole('radiogroup', { name: 'Status' })
const radio = (word: 'All' | 'Up' | 'Down') => within(group()).getByRole('radio', { name: new RegExp(`^${word}\\b`) })

async function expectCounts(expected: { all: number; up: number; down: number }) {
  await waitFor(() => {
    expect(radio('All')).toHaveAccessibleName(`All ${formatCount(expected.all)}`)
    expect(radio('Up')).toHaveAccessibleName(`Up ${formatCount(expected.up)}`)
    expect(radio('Down')).toHaveAccessibleName(`Down ${formatCount(expected.down)}`)
  })
  const pbx = expected.all - expected.up - expected.down
  expect(group()).toHaveAccessibleDescription(
    pbx === 0
      ? 'All = Up + Down (no PBX trunks here)'
      : `All = Up + Down + ${formatCount(pbx)} PBX ${pbx === 1 ? 'trunk' : 'trunks'} without status`,
  )
}

test('the radios read "All 60", "Up …", "Down …": two limit=1 requests beside the list, the list’s own total for the third', async () => {
  // The list's page is held until both counts have gone out: counts that waited for the list (a
  // waterfall) would never be sent, and the test would time out.
  let countsSent = () => {}
  const bothSent = new Promise<void>((resolve) => (countsSent = resolve))
  const requests = recordRequests(api)
  const seen = ({ request }: { request: Request }) => {
    if (requests.statusCounts().length >= 2) countsSent()
    void request
  }
  api.server.events.on('request:start', seen)
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      if (new URL(request.url).searchParams.get('limit') === '100') await bothSent
      return forward(api, request)
    }),
  )
  renderApp(api, { as: 'owner' })
  await findRows()
  api.server.events.removeListener('request:start', seen)
  await expectCounts(await truth('owner', {}))
  const counts = requests.statusCounts()
  // Up and Down only (All is the list's own total), each asked once, condensed, first position, one row.
  expect(counts.map((url) => url.searchParams.get('up')).sort()).toEqual(['false', 'true'])
  for (const url of counts) {
    expect(url.searchParams.get('limit')).toBe('1')
    expect(url.searchParams.get('offset') ?? '0').toBe('0')
    expect(url.searchParams.has('full')).toBe(false)
    expect(url.searchParams.has('filter')).toBe(false)
    expect(url.searchParams.has('customer') || url.searchParams.has('reseller')).toBe(false)
  }
  requests.stop()
})

test('the counts are for the current scope and search; switching the status asks nothing new and no number goes blank', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'reseller' })
  await findRows()
  await expectCounts(await truth('reseller', { reseller: C.reseller }))
  expect(requests.statusCounts().every((url) => url.searchParams.get('reseller') === C.reseller)).toBe(true)

  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'kontor')
  await waitFor(() => expect(search().get('filter')).toBe('kontor'))
  const found = await truth('reseller', { reseller: C.reseller, filter: 'kontor' })
  expect(found.all).toBeGreaterThan(0)
  await expectCounts(found)
  const filtered = requests.statusCounts().filter((url) => url.searchParams.get('filter') === 'kontor')
  expect(filtered.map((url) => url.searchParams.get('up')).sort()).toEqual(['false', 'true'])
  expect(filtered.every((url) => url.searchParams.get('reseller') === C.reseller)).toBe(true)

  // Down: its number is now the list's total; All came with the list before, Up and Down are cached.
  const sent = requests.statusCounts().length
  await user.click(radio('Down'))
  await waitFor(() => expect(search().get('up')).toBe('false'))
  await findRows()
  await expectCounts(found)
  expect(requests.statusCounts()).toHaveLength(sent)
  requests.stop()
})

test('while a new search’s counts load, the previous numbers stay (dimmed) instead of flashing away', async () => {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('limit') === '1' && url.searchParams.get('filter') === 'a') await held
      return forward(api, request)
    }),
  )
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const before = await truth('owner', {})
  await expectCounts(before)
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'a')
  await waitFor(() => expect(search().get('filter')).toBe('a'))
  // The list's own number (All) arrives with the list; Up and Down wait for their held answers.
  const after = await truth('owner', { filter: 'a' })
  expect(after.all).toBeLessThan(before.all)
  await waitFor(() => expect(radio('All')).toHaveAccessibleName(`All ${formatCount(after.all)}`))
  expect(radio('Up')).toHaveAccessibleName(`Up ${formatCount(before.up)}`)
  expect(radio('Down')).toHaveAccessibleName(`Down ${formatCount(before.down)}`)
  expect(group().querySelectorAll('.segment-count.is-stale').length).toBeGreaterThan(0)
  release()
  await expectCounts(after)
  expect(group().querySelector('.is-stale')).toBeNull()
})

test('a count that fails shows no number: no error, the list and the other counts stay', async () => {
  api.server.use(
    http.get('*/api/sip', ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('limit') === '1' && url.searchParams.get('up') === 'false') {
        return HttpResponse.json({ error: { code: 'internal', message: 'Count failed', status: 500 } }, { status: 500 })
      }
      return forward(api, request)
    }),
  )
  renderApp(api, { as: 'owner' })
  await findRows()
  const expected = await truth('owner', {})
  await waitFor(() => expect(radio('Up')).toHaveAccessibleName(`Up ${formatCount(expected.up)}`))
  expect(radio('All')).toHaveAccessibleName(`All ${formatCount(expected.all)}`)
  expect(radio('Down')).toHaveAccessibleName('Down')
  expect(group()).toHaveAccessibleDescription('All = Up + Down + PBX trunks (no status)')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})

test('the counts refresh with the live status: every 30 s, and on Refresh', async () => {
  // Intervals and Date are fake (the 30 s refresh); timeouts stay real for MSW and React Query.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  await expectCounts(await truth('owner', {}))
  const initial = requests.statusCounts().length
  expect(initial).toBe(2)

  await act(() => vi.advanceTimersByTimeAsync(30_000))
  await waitFor(() => expect(requests.statusCounts()).toHaveLength(initial + 2))

  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await waitFor(() => expect(requests.statusCounts()).toHaveLength(initial + 4))
  // A trunk that went down off-screen moves the number: flip one in the reference data, refresh.
  const before = await truth('owner', {})
  const up = api.db.prepare("SELECT id FROM sip_accounts WHERE customer = ? AND status = 'ON' LIMIT 1").get(C.demoCustomer)
  const id = z.object({ id: z.string() }).parse(up).id
  createStore(api.db).setStatus(id, 'OFF')
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  await expectCounts({ all: before.all, up: before.up - 1, down: before.down + 1 })
  requests.stop()
})
