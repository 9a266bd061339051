import { DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import type { App } from './harness/app.ts'
import { WAIT } from './harness/app.ts'
import { expect, test } from './harness/fixtures.ts'

const UNKNOWN_CUSTOMER = 'ffffffffffffffffffffffff'

/** Types into a scope picker and chooses the option whose name matches. */
async function choose(app: App, picker: 'Customer' | 'Reseller', text: string, option: RegExp): Promise<void> {
  const box = app.page.getByRole('combobox', { name: picker, exact: true })
  await box.click()
  const mark = app.mark()
  await box.fill(text)
  // The picker lists customers as soon as it opens: wait until what was typed is asked for
  // (debounced), so the choice is not made from the unfiltered list. A pasted id is looked up instead.
  if (!/^[0-9a-f]{24}$/i.test(text)) {
    await expect.poll(() => app.apiRequests('/customer', mark).some((r) => r.url.searchParams.get('filter') === text), WAIT).toBe(true)
  }
  await app.page.getByRole('option', { name: option }).first().click()
}

async function expectTotal(app: App, total: number): Promise<void> {
  await expect.poll(async () => (await app.rangeValue())?.total, WAIT).toBe(total)
}

test('RESELLER lands on all its customers, scopes to a customer of its sub-reseller by name, then to a reseller, then to its own customer and back to all', async ({
  app,
  api,
}) => {
  await app.goto('/')
  await app.signInToList('reseller')
  const token = (await api.login('reseller')).token
  const own = await api.listSip(token, { limit: 1 })
  const all = await api.listSip(token, { reseller: DEMO_CUSTOMER_IDS.reseller, limit: 1 })
  expect(all.total).toBeGreaterThan(own.total)
  await expectTotal(app, all.total)

  let mark = app.mark()
  await choose(app, 'Customer', 'Hedegaard', /Hedegaard Vognmænd/)
  const customerList = app.apiRequests('/customer', mark)
  expect(customerList.some((r) => (r.url.searchParams.get('filter') ?? '').toLowerCase().includes('hedegaard'))).toBe(true)
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('customer') === DEMO_CUSTOMER_IDS.subCustomer)
  expect(app.search().get('customer')).toBe(DEMO_CUSTOMER_IDS.subCustomer)
  const sub = await api.listSip(token, { customer: DEMO_CUSTOMER_IDS.subCustomer, limit: 100 })
  await expectTotal(app, sub.total)
  // The customer's own rows, in the API's order (a long page renders only the rows in view, so the
  // first ones are compared, not a name further down).
  const firstNames = sub.sipAccounts.slice(0, 5).map((account) => account.name ?? '—')
  await expect.poll(async () => (await app.rowNames()).slice(0, 5), WAIT).toEqual(firstNames)

  mark = app.mark()
  await choose(app, 'Reseller', 'Østjysk', /Østjysk IT/)
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('reseller') === DEMO_CUSTOMER_IDS.subReseller)
  expect(app.apiRequests('/customer', 0).some((r) => r.url.searchParams.get('resellers') === 'true')).toBe(true)
  const viaReseller = await api.listSip(token, { reseller: DEMO_CUSTOMER_IDS.subReseller, limit: 1 })
  await expectTotal(app, viaReseller.total)

  // "My own customer" is one choice away, and written in the URL.
  await app.page.getByRole('button', { name: 'Show my own customer', exact: true }).click()
  await expect.poll(() => [app.search().get('customer'), app.search().get('reseller')], WAIT).toEqual([DEMO_CUSTOMER_IDS.reseller, null])
  await expectTotal(app, own.total)

  // And back to where it landed: the plain URL.
  await app.page.getByRole('button', { name: 'Show all my customers', exact: true }).click()
  await expect.poll(() => app.search().toString(), WAIT).toBe('')
  await expectTotal(app, all.total)
})

test('ADMIN pastes a customer id: it is labelled by name (GET /customer/:id/name) and the list is scoped to it', async ({ app, api }) => {
  // From its own customer: no Customer column there, so no bulk answer has named the customer yet.
  await app.goto(`/?customer=${DEMO_CUSTOMER_IDS.telecomX}`)
  await app.signInToList('admin')
  const mark = app.mark()
  await choose(app, 'Customer', DEMO_CUSTOMER_IDS.foreignCustomer, /Kattegat Shipping/)
  expect(app.apiRequests(`/customer/${DEMO_CUSTOMER_IDS.foreignCustomer}/name`, mark).length).toBeGreaterThan(0)
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('customer') === DEMO_CUSTOMER_IDS.foreignCustomer)
  const token = (await api.login('admin')).token
  const truth = await api.listSip(token, { customer: DEMO_CUSTOMER_IDS.foreignCustomer, limit: 1 })
  await expectTotal(app, truth.total)
})

test('an unknown customer (400 customer) is an inline error with Retry, never an empty table', async ({ app }) => {
  await app.goto(`/?customer=${UNKNOWN_CUSTOMER}`)
  const mark = app.mark()
  await app.signIn('admin')
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('customer') === UNKNOWN_CUSTOMER)
  const alert = app.alert.filter({ hasText: /customer/i })
  await alert.first().waitFor()
  expect(await alert.first().textContent()).toMatch(/not found|unknown|does not exist/i)
  expect(await app.page.getByRole('button', { name: /retry/i }).count()).toBeGreaterThan(0)
  expect(await app.page.getByText(/No SIP accounts yet|No account matches/i).count()).toBe(0)
  expect(await app.rows.count()).toBe(0)
})

test('a foreign customer for a RESELLER (403 access_denied) is an inline "no access" error', async ({ app, api }) => {
  const token = (await api.login('reseller')).token
  expect((await api.getRaw('/sip', { customer: DEMO_CUSTOMER_IDS.foreignCustomer }, token)).status).toBe(403)

  await app.goto(`/?customer=${DEMO_CUSTOMER_IDS.foreignCustomer}`)
  const mark = app.mark()
  await app.signIn('reseller')
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('customer') === DEMO_CUSTOMER_IDS.foreignCustomer)
  const alert = app.alert.filter({ hasText: /access/i })
  await alert.first().waitFor()
  expect(await alert.first().textContent()).toMatch(/no access|not allowed|access denied|don.t have access/i)
  expect(await app.page.getByText(/No SIP accounts yet|No account matches/i).count()).toBe(0)
  expect(await app.rows.count()).toBe(0)
})
