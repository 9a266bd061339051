import { DEMO_ACCOUNT_IDS, DEMO_CUSTOMER_IDS } from '../../server/demo-users.ts'
import type { App } from './harness/app.ts'
import { effective, WAIT } from './harness/app.ts'
import { expect, test } from './harness/fixtures.ts'

const PRIMARY = DEMO_ACCOUNT_IDS.primaryTrunk

function isFullRowRequest(offset: number) {
  return (r: { url: URL }): boolean =>
    r.url.searchParams.get('full') === 'true' && r.url.searchParams.get('limit') === '1' && effective(r, 'offset') === String(offset)
}

/** True when the focused element is `row` or inside it. */
async function focusIsIn(app: App, index: number): Promise<boolean> {
  // By its place in the list (a long page renders only the rows in view); page 1: row 2 is the first.
  const row = app.rowAt(index + 2)
  return (
    (await row.count()) > 0 && row.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
  )
}

/** Presses Tab (at most `max` times) until the focus is inside data row `index`. */
async function tabToRow(app: App, index: number, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await focusIsIn(app, index)) return
    await app.page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached data row ${index}`)
}

test('click a row: a dialog named by the account asks GET /sip full=true for exactly that row, shows its details, Close returns focus to the row', async ({
  app,
  api,
}) => {
  await app.goto('/')
  await app.signInToList('owner')
  const token = (await api.login('owner')).token
  const truth = await api.listSip(token, { offset: 0, limit: 100 })
  const index = truth.sipAccounts.findIndex((a, i) => i >= 2 && !a.pbx && /^[A-Za-zÆØÅæøå]/.test(a.name ?? '') && a.username)
  const account = truth.sipAccounts[index]
  if (!account?.name || !account.username) throw new Error('no suitable account in the seed')
  const full = await api.sipAccount(token, account._id)

  // By its place in the list: a long page renders only the rows in view, so scroll to it first.
  const row = app.rowAt(index + 2)
  await app.scrollRowsTo(row)
  const mark = app.mark()
  await row.locator('td, th').first().click()
  const dialog = app.page.getByRole('dialog', { name: account.name })
  await dialog.waitFor()
  await app.waitForSipList(mark, isFullRowRequest(index))
  for (const r of app.sipLists(mark).filter((request) => request.url.searchParams.get('full') === 'true')) {
    for (const absent of ['filter', 'up', 'customer', 'reseller']) expect(r.url.searchParams.get(absent)).toBeNull()
  }
  await expect.poll(() => app.search().get('account'), WAIT).toBe(account._id)

  await expect.poll(() => dialog.textContent(), WAIT).toContain(account.username)
  const text = (await dialog.textContent()) ?? ''
  if (full.ipAddress) expect(text).toContain(full.ipAddress)
  if (full.password) {
    expect(text).not.toContain(full.password)
    await dialog.getByRole('button', { name: 'Reveal password' }).click()
    await expect.poll(() => dialog.textContent(), WAIT).toContain(full.password)
  }

  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  await expect.poll(() => focusIsIn(app, index), WAIT).toBe(true)
  await expect.poll(() => app.search().get('account'), WAIT).toBeNull()
})

test('keyboard only: Tab to a row, Enter opens the drawer (full=true), Next account walks on, Esc closes and focus returns', async ({
  app,
  api,
}) => {
  await app.goto('/')
  await app.signInToList('owner')
  const token = (await api.login('owner')).token
  const truth = await api.listSip(token, { offset: 0, limit: 100 })
  const [first, second] = truth.sipAccounts
  if (!first?.name || !second?.name) throw new Error('seed too small')

  const mark = app.mark()
  await app.searchBox.focus()
  await tabToRow(app, 0)
  await app.page.keyboard.press('Enter')
  const dialog = app.page.getByRole('dialog', { name: first.name })
  await dialog.waitFor()
  await app.waitForSipList(mark, isFullRowRequest(0))
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)

  await dialog.getByRole('button', { name: 'Next account', exact: true }).press('Enter')
  await app.page.getByRole('dialog', { name: second.name }).waitFor()
  await app.waitForSipList(mark, isFullRowRequest(1))
  await expect.poll(() => app.search().get('account'), WAIT).toBe(second._id)

  await app.page.keyboard.press('Escape')
  await app.page.getByRole('dialog').waitFor({ state: 'detached' })
  // Focus goes back to the row of the account that was open.
  await expect.poll(async () => (await focusIsIn(app, 1)) || (await focusIsIn(app, 0)), WAIT).toBe(true)
})

test('a link to an account opens its drawer via GET /sip/:id', async ({ app }) => {
  const mark = app.mark()
  await app.goto(`/?account=${PRIMARY}`)
  await app.signIn('owner')
  await app.page.getByRole('dialog', { name: 'Hovedtrunk København' }).waitFor()
  await expect
    .poll(
      () =>
        app.apiRequests(`/sip/${PRIMARY}`, mark).length +
        app.sipLists(mark).filter((r) => r.url.searchParams.get('full') === 'true').length,
      WAIT,
    )
    .toBeGreaterThan(0)
})

const ROLE_MATRIX = [
  { user: 'viewer', notes: false, sipServer: false },
  { user: 'manager', notes: false, sipServer: false },
  { user: 'reseller', notes: true, sipServer: false },
  { user: 'admin', notes: true, sipServer: true },
] as const

test.for(ROLE_MATRIX)(
  'role hiding for $user: notes $notes, sipServer $sipServer, in the table, the search hint and the drawer',
  async ({ user, notes, sipServer }, { app, api }) => {
    const adminToken = (await api.login('admin')).token
    const truth = await api.sipAccount(adminToken, PRIMARY)
    if (!truth.notes || !truth.sipServer) throw new Error('seed: primary trunk lacks notes or sipServer')

    // The primary trunk (with notes) in the table: its own customer for VIEWER/MANAGER, a link into it for the others.
    const scope = notes ? `customer=${DEMO_CUSTOMER_IDS.demoCustomer}&` : ''
    await app.goto(`/?${scope}filter=80808080`)
    await app.signInToList(user)
    await expect.poll(async () => (await app.rowNames()).join(' '), WAIT).toContain('Hovedtrunk København')
    const columns = (await app.columnNames()).join(' | ')
    expect(columns).not.toMatch(/sip ?server/i)
    if (!notes) expect(columns).not.toMatch(/notes/i)
    const placeholder = (await app.searchBox.getAttribute('placeholder')) ?? ''
    expect(/notes/i.test(placeholder)).toBe(notes)
    expect((await app.table.textContent()) ?? '').not.toContain(truth.sipServer)
    if (!notes) expect((await app.table.textContent()) ?? '').not.toContain(truth.notes)

    await app.goto(`/?account=${PRIMARY}`)
    const dialog = app.page.getByRole('dialog', { name: 'Hovedtrunk København' })
    await dialog.waitFor()
    if (truth.username) await expect.poll(() => dialog.textContent(), WAIT).toContain(truth.username)
    const text = (await dialog.textContent()) ?? ''
    expect(text.includes(truth.notes)).toBe(notes)
    expect(text.includes(truth.sipServer)).toBe(sipServer)
    expect(await dialog.getByText(/^\s*SIP server\s*:?\s*$/i).count()).toBe(sipServer ? 1 : 0)
    expect(await dialog.getByText(/^\s*Notes\s*:?\s*$/i).count()).toBeGreaterThanOrEqual(notes ? 1 : 0)
    if (!notes) expect(await dialog.getByText(/^\s*Notes\s*:?\s*$/i).count()).toBe(0)
  },
)

test('fields a VIEWER may not see are dropped even when an API sends them: never in the table or the drawer', async ({ app }) => {
  const NOTE = 'INJECTED-NOTE-for-viewer'
  const SERVER = '203.0.113.77'
  const inject = (account: unknown): unknown =>
    typeof account === 'object' && account !== null ? { ...account, notes: NOTE, sipServer: SERVER } : account
  // A misbehaving API: every SIP account it returns carries notes and sipServer.
  await app.page.route(/\/api\/sip(\/|\?|$)/, async (route) => {
    const response = await route.fetch()
    const body: unknown = await response.json()
    const patched =
      typeof body === 'object' && body !== null && 'sipAccounts' in body && Array.isArray(body.sipAccounts)
        ? { ...body, sipAccounts: body.sipAccounts.map(inject) }
        : inject(body)
    await route.fulfill({ response, json: patched })
  })
  await app.goto('/?filter=80808080')
  await app.signInToList('viewer')
  await expect.poll(async () => (await app.rowNames()).join(' '), WAIT).toContain('Hovedtrunk København')
  await app.rows.first().locator('td, th').first().click()
  const dialog = app.page.getByRole('dialog', { name: 'Hovedtrunk København' })
  await dialog.waitFor()
  await expect.poll(() => dialog.textContent(), WAIT).toContain('77.66.100.10')
  const text = (await app.page.locator('body').textContent()) ?? ''
  expect(text).not.toContain(NOTE)
  expect(text).not.toContain(SERVER)
  // Nor anywhere in the page's memory that the DOM can reach (e.g. data attributes).
  expect(await app.page.content()).not.toContain(NOTE)
})
