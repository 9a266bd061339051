/*
 * The power-user features in real Chromium: the column chooser (full=true only with a full-object
 * column, remembered across a reload), CSV export (a real download: BOM, every row, Cancel),
 * keyboard-only use (/, j/k, Enter, Esc, →, ?), and live status (the 30 s refresh on Chromium's
 * own clock, a flipped trunk highlighted). axe runs with each dialog open.
 */
import { readFile } from 'node:fs/promises'
import { DEMO_CUSTOMER_IDS, DEMO_USERS } from '../../server/demo-users.ts'
import type { App } from './harness/app.ts'
import { effective, WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

const focusedRowIndex = (app: App) =>
  app.page.evaluate(() => [...document.querySelectorAll('.data-table tbody tr')].indexOf(document.activeElement as Element))

test('columns: add full-object columns → GET /sip full=true; remembered after a reload; Reset view; axe with the chooser open', async ({
  app,
}) => {
  await app.goto('/')
  await app.signInToList('owner')
  expect(app.sipLists().every((r) => r.url.searchParams.get('full') === null)).toBe(true)

  await app.page.getByRole('button', { name: 'Columns' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Table view' })
  await dialog.waitFor()
  expect(await axeViolations(app)).toEqual([])
  const mark = app.mark()
  await dialog.getByRole('checkbox', { name: /User agent/ }).check()
  await dialog.getByRole('checkbox', { name: 'Rate plan' }).uncheck()
  await dialog.getByRole('button', { name: 'Move Status up' }).click()
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('full') === 'true' && effective(r, 'offset') === '0')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect
    .poll(() => app.columnNames(), WAIT)
    .toEqual(['Name', 'Status', 'Numbers', 'Active', 'Connection', 'IP address', 'Username', 'Failover', 'Usage block', 'User agent'])
  await expect
    .poll(async () => (await app.rowTexts()).some((text) => /Yealink|Asterisk|snom|Grandstream|3CX|Cisco/i.test(text)), WAIT)
    .toBe(true)

  await app.page.reload()
  await app.waitForRows()
  await expect.poll(() => app.columnNames(), WAIT).toContain('User agent')
  await app.page.getByRole('button', { name: 'Columns' }).click()
  await app.page.getByRole('button', { name: 'Reset view' }).click()
  await app.page.getByRole('button', { name: 'Done' }).click()
  await expect
    .poll(() => app.columnNames(), WAIT)
    .toEqual(['Name', 'Numbers', 'Status', 'Active', 'Connection', 'IP address', 'Username', 'Rate plan', 'Failover', 'Usage block'])
})

test('export: a real download of the whole reseller book in 500-row pages, with BOM and every row; axe with the dialog open', async ({
  app,
  api,
}) => {
  const scope = `/?reseller=${DEMO_CUSTOMER_IDS.reseller}`
  await app.goto(scope)
  await app.signIn('admin')
  await app.waitForRows()
  const token = (await api.login('admin')).token
  const total = (await api.listSip(token, { reseller: DEMO_CUSTOMER_IDS.reseller, limit: 1 })).total
  expect(total).toBeGreaterThan(1000)

  const mark = app.mark()
  const download = app.page.waitForEvent('download', { timeout: 60_000 })
  await app.page.getByRole('button', { name: 'Export CSV' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Export CSV' })
  await dialog.getByRole('progressbar').waitFor()
  expect(await axeViolations(app)).toEqual([])
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^sip-accounts_reseller-nordisk-telefoni-partner[a-z0-9-]*_\d{4}-\d{2}-\d{2}\.csv$/)
  const path = await file.path()
  const bytes = await readFile(path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
  // The reseller book spans many customers: the Customer column is on by default (042), exported as the id.
  expect(lines[0]).toBe('Name,Customer id,Numbers,Status,Active,Connection,IP address,Username,Rate plan,Failover,Usage block')
  expect(lines).toHaveLength(total + 1)
  expect(bytes.toString('utf8')).toMatch(/[æøåÆØÅ]/)
  // Each page is the list's condensed request and its full=true twin (for the Customer column).
  const walked = app.sipLists(mark).filter((r) => r.url.searchParams.get('limit') === '500')
  const offsets = Array.from({ length: Math.ceil(total / 500) }, (_, i) => String(i * 500))
  expect(walked.filter((r) => !r.url.searchParams.has('full')).map((r) => effective(r, 'offset'))).toEqual(offsets)
  expect(walked.filter((r) => r.url.searchParams.get('full') === 'true').map((r) => effective(r, 'offset'))).toEqual(offsets)
  await expect.poll(() => dialog.getByRole('status').textContent(), WAIT).toContain(`Exported ${total.toLocaleString('en-US')} accounts`)
})

test('export: Cancel during the walk stops the requests and saves nothing', async ({ app }) => {
  // The page's clock is faked (running at normal speed), so "nothing more goes out" can look past
  // every retry backoff at once instead of waiting for it.
  await app.page.clock.install()
  await app.goto(`/?reseller=${DEMO_CUSTOMER_IDS.reseller}`)
  await app.signIn('admin')
  await app.waitForRows()
  // Pages after the first are held until the test lets them go, so there is a walk to cancel (held,
  // not timed: the order is the same on any machine).
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await app.page.route('**/api/sip?*', async (route) => {
    const url = new URL(route.request().url())
    if (url.searchParams.get('limit') === '500' && url.searchParams.get('offset') !== '0') await held
    await route.continue().catch(() => undefined)
  })
  let downloads = 0
  app.page.on('download', () => downloads++)
  const heldPageFailed = app.page.waitForEvent('requestfailed', (request) => new URL(request.url()).searchParams.get('offset') === '500')
  await app.page.getByRole('button', { name: 'Export CSV' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Export CSV' })
  await dialog.getByText(/^500 of [\d,]+ rows$/).waitFor()
  await dialog.getByRole('button', { name: 'Cancel export' }).click()
  await dialog.getByText('Export cancelled. No file was saved.').waitFor()
  // The page in flight is aborted by the browser; then it is let go, and the clock jumps past every backoff.
  expect((await heldPageFailed).failure()?.errorText).toMatch(/ABORTED/i)
  const sent = app.sipLists().filter((r) => r.url.searchParams.get('limit') === '500').length
  release()
  await app.page.clock.runFor(10_000)
  // A round trip through the page: whatever the timers above started has been sent by now.
  await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  expect(app.sipLists().filter((r) => r.url.searchParams.get('limit') === '500')).toHaveLength(sent)
  expect(downloads).toBe(0)
})

test('keyboard only: / searches, j/k move, Enter opens, Esc closes, → pages, ? lists the shortcuts (axe clean)', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('owner')
  await app.page.getByRole('heading', { name: 'SIP accounts' }).click()
  await app.page.keyboard.press('/')
  await expect.poll(() => app.searchBox.evaluate((el) => el === document.activeElement), WAIT).toBe(true)
  await app.page.keyboard.press('Escape')
  await app.page.getByRole('heading', { name: 'SIP accounts' }).click()

  await app.page.keyboard.press('j')
  await expect.poll(() => focusedRowIndex(app), WAIT).toBe(0)
  await app.page.keyboard.press('j')
  await app.page.keyboard.press('j')
  await app.page.keyboard.press('k')
  await expect.poll(() => focusedRowIndex(app), WAIT).toBe(1)
  const name = (await app.rows.nth(1).locator('td').first().textContent()) ?? ''
  await app.page.keyboard.press('Enter')
  const drawer = app.page.getByRole('dialog', { name })
  await drawer.waitFor()
  await app.page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'detached' })
  await expect.poll(() => focusedRowIndex(app), WAIT).toBe(1)

  // Page 2 was prefetched: no request to wait for.
  await app.page.keyboard.press('ArrowRight')
  await expect.poll(() => app.search().get('offset'), WAIT).toBe('100')
  await expect.poll(async () => (await app.rangeValue())?.from, WAIT).toBe(101)
  await expect.poll(() => focusedRowIndex(app), WAIT).toBe(0)
  expect(await app.rows.first().getAttribute('aria-rowindex')).toBe('102')

  await app.page.keyboard.press('?')
  const shortcuts = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await shortcuts.waitFor()
  expect(await shortcuts.getByRole('row').count()).toBe(9)
  expect(await axeViolations(app)).toEqual([])
  await app.page.keyboard.press('Escape')
  await shortcuts.waitFor({ state: 'detached' })
})

test('live status: refreshes by itself after 30 s, says when, and highlights a trunk whose status flipped', async ({ app }) => {
  /*
   * The page's clock is the test's: it is paused before the list exists, so the list's fetch time,
   * its 30 s timer and "Updated … ago" all count from one instant and move only when the test moves
   * them (a clock running in real time raced the fast-forward: "23 s ago" instead of "12 s ago" on a
   * busy machine). While paused, `settle` fires what is due now without moving the clock: React
   * Query hands fetched data to the page in a 0 ms timeout.
   */
  await app.page.clock.install()
  await app.goto('/')
  const settle = () => app.page.clock.runFor(0)
  const settled = { ...WAIT, timeout: 15_000 }
  await app.email.fill(DEMO_USERS.owner.email)
  await app.password.fill(DEMO_USERS.owner.password)
  await app.page.clock.pauseAt((await app.page.evaluate(() => Date.now())) + 60_000)
  await app.signInButton.click()
  await expect.poll(async () => (await settle(), app.rows.count()), settled).toBeGreaterThan(0)
  const updated = app.page.getByText(/^Updated /)
  await expect.poll(async () => (await settle(), updated.textContent()), settled).toBe('Updated just now')
  await app.page.clock.fastForward(12_000)
  await expect.poll(async () => (await settle(), updated.textContent()), settled).toBe('Updated 12 s ago')

  // The next answer flips the first row's status (the network faked at the HTTP layer).
  const firstId = await app.rows.first().getAttribute('data-row-id')
  const firstName = (await app.rows.first().locator('td').first().textContent()) ?? ''
  const before = (await app.rows.first().textContent()) ?? ''
  // Status badges say Up/Down (the API's ON/OFF is their tooltip).
  const flippedTo = before.includes('● Up') ? 'OFF' : 'ON'
  await app.page.route('**/api/sip?*', async (route) => {
    const response = await route.fetch()
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'sipAccounts' in body && Array.isArray(body.sipAccounts)) {
      const sipAccounts: unknown[] = body.sipAccounts.map((row: unknown) =>
        typeof row === 'object' && row !== null && '_id' in row && row._id === firstId ? { ...row, status: flippedTo } : row,
      )
      await route.fulfill({ response, json: { ...body, sipAccounts } })
    } else await route.fulfill({ response })
  })
  const mark = app.mark()
  // 12 + 18 = 30 s after the list's first fetch: its refresh is due now, not a moment earlier.
  await app.page.clock.fastForward(17_999)
  await settle()
  // The shown page is not asked again before its 30 s (the next page's prefetch, which starts after
  // a frame and so waits for the paused clock too, is not a refresh).
  const shownPage = (r: Parameters<typeof effective>[0]) => effective(r, 'offset') === '0' || effective(r, 'offset') === null
  expect(app.sipLists(mark).filter(shownPage)).toHaveLength(0)
  await app.page.clock.fastForward(1)
  await app.waitForSipList(mark, shownPage)
  await expect.poll(async () => (await settle(), app.rows.first().getAttribute('class')), settled).toContain('is-flashed')
  await expect.poll(() => app.rows.first().textContent(), WAIT).toContain(flippedTo === 'ON' ? '● Up' : '○ Down')
  await expect
    .poll(() => app.page.getByRole('status').filter({ hasText: 'Status changed' }).textContent(), WAIT)
    .toBe(`Status changed: ${firstName} is now ${flippedTo === 'ON' ? 'up' : 'down'}.`)
  await expect.poll(() => updated.textContent(), WAIT).toBe('Updated just now')
})

test('a dialog whose code cannot be downloaded says so in place (the list keeps working); Retry loads it once the network is back', async ({
  app,
}) => {
  await app.goto('/')
  await app.signInToList('owner')
  let blocked = true
  await app.page.route('**/assets/export-dialog-*.js', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
  await app.page.getByRole('button', { name: 'Export CSV' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Export CSV' })
  await dialog.getByRole('alert').filter({ hasText: 'could not be downloaded' }).waitFor()
  expect(await axeViolations(app)).toEqual([])
  // The page behind is intact: no app-wide error screen.
  expect(await app.page.getByText('Something went wrong in the dashboard').count()).toBe(0)
  blocked = false
  await dialog.getByRole('button', { name: 'Retry' }).click()
  await dialog.getByText(/^Exported 600 accounts to sip-accounts_/).waitFor()
  // Closing an export that is done or running leaves the list as it was.
  await app.page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  await app.waitForRows()
})

test('offline before even the failure dialog was fetched: the same alert stands in place (no app-wide error); Retry loads the dialog once the network is back', async ({
  app,
}) => {
  await app.goto('/')
  let blocked = true
  // The export dialog, and the failure dialog with the dialog code under both (fetched at idle after the first rows).
  await app.page.route(/\/assets\/(export-dialog|failed-dialog|dialog|modal)-[\w-]+\.js$/, (route) =>
    blocked ? route.abort('internetdisconnected') : route.continue(),
  )
  await app.signInToList('owner')
  await app.page.getByRole('button', { name: 'Export CSV' }).click()
  const alert = app.page.getByRole('alert').filter({ hasText: 'This part of the dashboard could not be downloaded.' })
  await alert.waitFor()
  expect(await app.page.getByRole('dialog').count()).toBe(0)
  expect(await app.page.getByText('Something went wrong in the dashboard').count()).toBe(0)
  blocked = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await app.page
    .getByRole('dialog', { name: 'Export CSV' })
    .getByText(/^Exported 600 accounts to sip-accounts_/)
    .waitFor()
  await expect.poll(() => alert.count()).toBe(0)
})
