import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { SipAccountListSchema, type SipAccount } from '../../src/api/sip-account.ts'
import { DEMO_ACCOUNT_IDS, DEMO_USERS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const PRIMARY = 'Hovedtrunk København'
const CHART = /^Outgoing minutes to Danish numbers, Nov 2024 – Oct 2025$/

/** The primary trunk's condensed row as the reference API gives it to OWNER. */
async function primaryRow(): Promise<SipAccount> {
  const url = `http://api.test/sip?customer=${DEMO_USERS.owner.customerId}&filter=${encodeURIComponent(PRIMARY)}`
  const response = await api.app.fetch(new Request(url, { headers: { Authorization: `Bearer ${api.tokenFor('owner')}` } }))
  const list = SipAccountListSchema.parse(await response.json())
  const row = list.sipAccounts.find((account) => account._id === DEMO_ACCOUNT_IDS.primaryTrunk)
  if (!row) throw new Error('primary trunk missing from the seed')
  return row
}

/** A link to the account while the list shows a page without it: the drawer must probe for its condensed row. */
const LINK_OFF_PAGE = `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}&offset=25&limit=25`
/** The drawer's probe for a condensed row: GET /sip scoped to the account's customer (the OWNER's list sends no customer). */
const isProbe = (request: Request) => new URL(request.url).searchParams.has('customer')

const usageSection = (dialog: HTMLElement) => within(dialog).findByRole('region', { name: 'Voice usage' }, { timeout: 8000 })

/** GET /sip answered by the reference server, with each row's voiceUsage replaced. */
function rewriteUsage(change: (usage: SipAccount['voiceUsage']) => unknown) {
  return http.get('*/api/sip', async ({ request }) => {
    const response = await forward(api, request)
    const url = new URL(request.url)
    if (url.searchParams.get('full') === 'true') return response
    const list = SipAccountListSchema.parse(await response.json())
    return HttpResponse.json({
      ...list,
      sipAccounts: list.sipAccounts.map(({ voiceUsage, ...rest }) => {
        const next = change(voiceUsage)
        return next === undefined ? rest : { ...rest, voiceUsage: next }
      }),
    })
  })
}

test('the drawer charts 12 months of outgoing minutes, oldest first, with exact values on focus and hover', async () => {
  const row = await primaryRow()
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  await user.click(rows.find((r) => r.textContent?.includes(PRIMARY)) as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  const chart = await within(await usageSection(dialog)).findByRole('figure', { name: CHART }, { timeout: 8000 })

  const bars = within(chart).getAllByRole('img')
  const expected = (row.voiceUsage ?? []).map((month) => {
    const name = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(month.date))
    return `${name}: ${Math.round(month.secsOutHomeland / 60).toLocaleString('en-US')} minutes`
  })
  expect(expected).toHaveLength(12)
  expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual(expected)
  expect(bars[0]).toHaveAccessibleName(/^November 2024: /)
  expect(bars[11]).toHaveAccessibleName(/^October 2025: /)
  expect(within(chart).getByText('Nov')).toBeInTheDocument()

  // Focus shows the exact value in the read-out; so does hover.
  const lastBar = bars[11] as HTMLElement
  lastBar.focus()
  await waitFor(() => expect(within(chart).getByText(expected[11] as string, { selector: 'p' })).toBeInTheDocument())
  await user.hover(bars[3] as HTMLElement)
  expect(within(chart).getByText(expected[3] as string, { selector: 'p' })).toBeInTheDocument()

  // The same numbers as a table.
  await user.click(within(chart).getByText('Show as table'))
  const table = within(chart).getByRole('table', { name: CHART })
  const cells = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => tr.textContent)
  expect(cells).toEqual(expected.map((text) => text.replace(': ', '').replace(' minutes', '')))
})

test('months the API leaves out are drawn as 0', async () => {
  api.server.use(
    rewriteUsage(() => [
      { date: '2025-10-01T00:00:00.000Z', secsOutHomeland: 6000 },
      { date: '2025-01-01T00:00:00.000Z', secsOutHomeland: 120 },
    ]),
  )
  renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  const chart = await within(await usageSection(dialog)).findByRole('figure', { name: CHART }, { timeout: 8000 })
  const bars = within(chart).getAllByRole('img')
  expect(bars).toHaveLength(12)
  expect(bars.map((bar) => bar.getAttribute('aria-label')?.replace(/^.*: /, ''))).toEqual([
    '0 minutes',
    '0 minutes',
    '2 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '0 minutes',
    '100 minutes',
  ])
})

test('an account without voice usage says so, with no chart', async () => {
  api.server.use(rewriteUsage(() => undefined))
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  await user.click(rows.find((r) => r.textContent?.includes(PRIMARY)) as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  const section = await usageSection(dialog)
  expect(await within(section).findByText('No voice usage recorded.')).toBeInTheDocument()
  expect(within(section).queryByRole('figure')).not.toBeInTheDocument()
})

test('from a link, voice usage shows loading until the condensed row arrives', async () => {
  // The condensed row is held until the test has seen the loading state (no timing involved).
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      if (isProbe(request)) await held
      return forward(api, request)
    }),
  )
  renderApp(api, { as: 'owner', url: LINK_OFF_PAGE })
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  const section = await usageSection(dialog)
  expect(await within(section).findByRole('status')).toHaveTextContent('Loading voice usage…')
  release()
  expect(await within(section).findByRole('figure', { name: CHART })).toBeInTheDocument()
  expect(within(section).queryByText('Loading voice usage…')).not.toBeInTheDocument()
})

test('when the condensed row fails, the section says so and Retry loads the chart', async () => {
  let fail = true
  api.server.use(
    http.get('*/api/sip', ({ request }) => {
      if (fail && isProbe(request)) {
        return HttpResponse.json({ error: { code: 'internal', message: 'Boom', status: 500 } }, { status: 500 })
      }
      return forward(api, request)
    }),
  )
  const { user } = renderApp(api, { as: 'owner', url: LINK_OFF_PAGE })
  const dialog = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 8000 })
  const section = await usageSection(dialog)
  expect(await within(section).findByText('Voice usage could not be loaded.')).toBeInTheDocument()
  // The rest of the drawer is unaffected.
  expect(within(dialog).getByText('77.66.100.10')).toBeInTheDocument()
  fail = false
  await user.click(within(section).getByRole('button', { name: 'Retry' }))
  expect(await within(section).findByRole('figure', { name: CHART })).toBeInTheDocument()
})
