/*
 * Down by customer in real Chromium against the reference server (10,000 accounts): a RESELLER
 * opens the view from the toolbar, the walk's requests and the table are compared with the API
 * asked directly, axe finds nothing while counting and after, and a customer's link lands on the
 * list of its down trunks.
 */
import * as z from 'zod/mini'
import { SipAccountFullListSchema } from '../../src/api/sip-account.ts'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import type { DirectApi } from './harness/api.ts'
import { effective, WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

const RESELLER = DEMO_CUSTOMER_IDS.reseller

/** The truth: every down trunk of the reseller's subtree, walked directly, counted per customer (lowercased id). */
async function downByCustomer(api: DirectApi, token: string): Promise<{ total: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>()
  let offset = 0
  let total = Infinity
  while (offset < total) {
    const page = await api.get('/sip', { reseller: RESELLER, up: false, full: true, offset, limit: 500 }, token, SipAccountFullListSchema)
    total = page.total
    for (const trunk of page.sipAccounts) {
      const customer = (trunk.customer ?? '').toLowerCase()
      counts.set(customer, (counts.get(customer) ?? 0) + 1)
    }
    if (page.sipAccounts.length === 0) break
    offset += page.sipAccounts.length
  }
  return { total, counts }
}

/** The walk's pages (the Status filter's own up=false count asks limit=1). */
const isWalk = (r: { url: URL }) => r.url.searchParams.get('up') === 'false' && r.url.searchParams.get('limit') === '500'

const RowSchema = z.array(z.object({ name: z.string(), href: z.string(), count: z.string() }))

test('a RESELLER opens Down by customer: 500-row up=false pages, customers most first equal to the API, axe clean, links to the list', async ({
  app,
  api,
}) => {
  await app.goto(`/?reseller=${RESELLER}`)
  await app.signInToList('reseller')
  const token = (await api.login('reseller')).token
  const truth = await downByCustomer(api, token)
  expect(truth.total).toBeGreaterThan(500)

  // The second page is held until axe has looked at the view while it counts.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await app.page.route('**/api/sip?*', async (route) => {
    const url = new URL(route.request().url())
    if (isWalk({ url }) && url.searchParams.get('offset') === '500') await held
    await route.continue().catch(() => undefined)
  })

  const mark = app.mark()
  const button = app.page.getByRole('button', { name: 'Down by customer' })
  await button.click()
  const heading = app.page.getByRole('heading', { name: 'Down by customer' })
  await expect.poll(() => heading.evaluate((element) => element === document.activeElement), WAIT).toBe(true)
  expect(app.search().get('view')).toBe('down')
  await app.page.getByRole('progressbar', { name: `500 of ${truth.total.toLocaleString('en-US')} down trunks` }).waitFor()
  expect(await axeViolations(app)).toEqual([])
  release()

  const table = app.page.getByRole('table', { name: 'Down by customer' })
  await table.waitFor()
  // Names arrive in bulk after the count; wait until no row shows an id instead.
  const readRows = async () =>
    RowSchema.parse(
      await table.locator('tbody > tr').evaluateAll((rows) =>
        rows.map((row) => ({
          name: (row.querySelector('th')?.textContent ?? '').trim(),
          href: row.querySelector('a')?.getAttribute('href') ?? '',
          count: (row.querySelector('td')?.textContent ?? '').trim(),
        })),
      ),
    )
  await expect.poll(async () => (await readRows()).some((row) => row.name.startsWith('ID …')), WAIT).toBe(false)
  const rows = await readRows()

  // One row per customer with its count, most first, as the API says.
  const shown = rows.map((row) => {
    const search = new URL(row.href, app.appUrl).searchParams
    expect([...search.keys()].sort()).toEqual(['customer', 'up'])
    expect(search.get('up')).toBe('false')
    return [(search.get('customer') ?? '').toLowerCase(), Number(row.count.replace(/,/g, ''))] as const
  })
  expect(new Map(shown)).toEqual(truth.counts)
  const counts = shown.map(([, count]) => count)
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
  expect(rows.some((row) => row.name === 'Fjordvej Tømrer & Snedker ApS')).toBe(true)
  await app.page.getByText(/^Computed (just now|\d+ s ago)$/).waitFor()
  expect(await axeViolations(app)).toEqual([])

  // The walk: up=false, full=true, limit=500, offsets 0, 500, …, in the list's scope.
  const walked = app.sipLists(mark).filter(isWalk)
  expect(walked.map((r) => effective(r, 'offset'))).toEqual(Array.from({ length: Math.ceil(truth.total / 500) }, (_, i) => String(i * 500)))
  for (const r of walked) {
    expect([r.url.searchParams.get('limit'), r.url.searchParams.get('full'), r.url.searchParams.get('reseller')]).toEqual([
      '500',
      'true',
      RESELLER,
    ])
  }

  // Escape returns to the list, focus on the button; Enter opens the view again from the cache (no new walk).
  await app.page.keyboard.press('Escape')
  await app.waitForRows()
  await expect.poll(() => button.evaluate((element) => element === document.activeElement), WAIT).toBe(true)
  const before = app.sipLists().filter(isWalk).length
  await app.page.keyboard.press('Enter')
  await table.waitFor()
  expect(app.sipLists().filter(isWalk)).toHaveLength(before)

  // A customer's link: the list scoped to that customer with Status Down, its total = the count shown.
  const [first] = rows
  if (!first) throw new Error('no rows')
  await table.getByRole('link', { name: first.name, exact: true }).click()
  await app.waitForRows()
  const customer = new URL(first.href, app.appUrl).searchParams.get('customer')
  expect([app.search().get('customer'), app.search().get('up'), app.search().get('view')]).toEqual([customer, 'false', null])
  await expect.poll(async () => (await app.rangeValue())?.total, WAIT).toBe(Number(first.count.replace(/,/g, '')))
})
