/*
 * A reseller's first screen (issue #13, decisions 041–043): signing in lands on all its customers,
 * the Customer column names each row's customer, and the Status radios carry the counts, all
 * against the reference server asked directly; axe at zero on that screen.
 */
import { CustomerListSchema } from '../../src/api/customer.ts'
import { SipAccountFullListSchema } from '../../src/api/sip-account.ts'
import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import { effective, WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

const OWN = DEMO_CUSTOMER_IDS.reseller
const count = (value: number) => value.toLocaleString('en-US')

test('a RESELLER signs in and lands on all its customers: names in the Customer column, counts on the Status radios, axe clean', async ({
  app,
  api,
}) => {
  await app.goto('/')
  const mark = app.mark()
  await app.signInToList('reseller')

  // The whole subtree, asked as reseller=<own customer id>; the address bar stays plain.
  const token = (await api.login('reseller')).token
  const own = await api.listSip(token, { limit: 1 })
  const truth = await api.get('/sip', { reseller: OWN, offset: 0, limit: 100, full: true }, token, SipAccountFullListSchema)
  expect(truth.total).toBeGreaterThan(own.total * 10)
  await app.expectRange(1, 100, truth.total)
  expect(app.search().toString()).toBe('')
  const page = app.sipLists(mark).filter((r) => effective(r, 'offset') === '0' && r.url.searchParams.get('limit') === '100')
  expect(page.length).toBeGreaterThan(0)
  expect(page.every((r) => r.url.searchParams.get('reseller') === OWN && !r.url.searchParams.has('customer'))).toBe(true)

  // The Customer column is there without asking, right after Name, with each row's customer by name.
  await expect.poll(() => app.columnNames(), WAIT).toEqual(expect.arrayContaining(['Name', 'Customer']))
  const columns = await app.columnNames()
  expect(columns.indexOf('Customer')).toBe(1)
  const ids = [...new Set(truth.sipAccounts.map((row) => row.customer ?? ''))].filter((id) => id !== OWN)
  const listed = await api.get('/customer', { customerIds: ids.join(','), limit: 100 }, token, CustomerListSchema)
  const names = new Map<string, string>(listed.customers.map((customer) => [customer._id, customer.name ?? customer._id]))
  names.set(OWN, 'Nordisk Telefoni Partner A/S')
  const expected = truth.sipAccounts.slice(0, 10).map((row) => names.get(row.customer ?? '') ?? '')
  const shown = () =>
    app.rows.evaluateAll((rows) => rows.slice(0, 10).map((row) => (row.querySelectorAll('td')[1]?.textContent ?? '').trim()))
  await expect.poll(shown, WAIT).toEqual(expected)
  expect(new Set(expected).size).toBeGreaterThan(1)
  // One bulk request named the page: never one per row or per customer.
  expect(app.apiRequests('/customer', mark).filter((r) => r.url.searchParams.has('customerIds')).length).toBeLessThanOrEqual(2)
  expect(app.requests.filter((r) => /^\/api\/customer\/[^/]+\/name$/.test(r.url.pathname))).toHaveLength(0)

  // Counts on the radios, as the API counts them for the same scope.
  const up = await api.listSip(token, { reseller: OWN, up: true, limit: 1 })
  const down = await api.listSip(token, { reseller: OWN, up: false, limit: 1 })
  const radioNames = () =>
    app.statusGroup.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.parentElement?.textContent))
  await expect.poll(radioNames, WAIT).toEqual([`All ${count(truth.total)}`, `Up ${count(up.total)}`, `Down ${count(down.total)}`])
  expect(await app.statusRadio('Down').getAttribute('type')).toBe('radio')
  const pbx = truth.total - up.total - down.total
  expect(pbx).toBeGreaterThan(0)
  await expect.poll(() => app.page.getByText(`All = Up + Down + ${count(pbx)} PBX trunks without status`).isVisible(), WAIT).toBe(true)
  const counts = app.statusCounts(mark)
  expect(counts.map((r) => r.url.searchParams.get('up')).sort()).toEqual(['false', 'true'])
  expect(counts.every((r) => r.url.searchParams.get('reseller') === OWN && r.url.searchParams.get('limit') === '1')).toBe(true)

  await app.waitForListComplete()
  expect(await axeViolations(app)).toEqual([])

  // The own customer is one choice away, in the URL.
  await app.page.getByRole('button', { name: 'Show my own customer', exact: true }).click()
  await expect.poll(() => app.search().get('customer'), WAIT).toBe(OWN)
  await expect.poll(async () => (await app.rangeValue())?.total, WAIT).toBe(own.total)
  await expect.poll(() => app.columnNames(), WAIT).not.toContain('Customer')
})
