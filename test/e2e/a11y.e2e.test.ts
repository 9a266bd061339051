import type { Locator } from 'playwright-core'
import { DEMO_ACCOUNT_IDS, DEMO_USERS } from '../../server/demo-users.ts'
import type { App } from './harness/app.ts'
import { effective, WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

test('axe: the sign-in page', async ({ app }) => {
  await app.goto('/')
  await app.email.waitFor()
  expect(await axeViolations(app)).toEqual([])
})

test('axe: the list (ADMIN, with scope pickers)', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('admin')
  expect(await axeViolations(app)).toEqual([])
})

test('axe: the Customer picker open, listing customers with "Showing 20 of N" and Load more', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('admin')
  await app.page.getByRole('combobox', { name: 'Customer', exact: true }).click()
  await app.page.getByRole('listbox', { name: 'Customer' }).getByRole('option').first().waitFor()
  await app.page.getByRole('button', { name: 'Load more' }).waitFor()
  expect(await axeViolations(app)).toEqual([])
})

test('axe: the open drawer', async ({ app }) => {
  await app.goto(`/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}`)
  await app.signIn('admin')
  const dialog = app.page.getByRole('dialog', { name: 'Hovedtrunk København' })
  await dialog.waitFor()
  await expect.poll(() => dialog.textContent(), WAIT).toContain('77.66.100.10')
  expect(await axeViolations(app)).toEqual([])
})

test('axe: the empty state "No account matches"', async ({ app }) => {
  await app.goto('/?filter=zzqqxxnomatch')
  await app.signIn('owner')
  await app.page
    .getByText(/No account matches/i)
    .first()
    .waitFor()
  expect(await app.rows.count()).toBe(0)
  expect(await axeViolations(app)).toEqual([])
})

test('axe: the error state (unknown customer)', async ({ app }) => {
  await app.goto('/?customer=ffffffffffffffffffffffff')
  await app.signIn('admin')
  await app.alert
    .filter({ hasText: /customer/i })
    .first()
    .waitFor()
  expect(await axeViolations(app)).toEqual([])
})

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
}

/** Presses Tab until `target` (or something inside it) has the focus. */
async function tabTo(app: App, target: Locator, max = 80): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses
    await app.page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

test('keyboard only: sign in, search, change status, page, open and close the drawer', async ({ app }) => {
  const keyboard = app.page.keyboard
  await app.goto('/')
  await app.email.waitFor()

  await tabTo(app, app.email)
  await keyboard.type(DEMO_USERS.owner.email)
  await tabTo(app, app.password)
  await keyboard.type(DEMO_USERS.owner.password)
  await keyboard.press('Enter')
  await app.waitForRows()

  let mark = app.mark()
  await tabTo(app, app.searchBox)
  await keyboard.type('+45')
  await keyboard.press('Enter')
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('filter') === '+45')

  mark = app.mark()
  await tabTo(app, app.statusRadio('All'))
  await keyboard.press('ArrowRight')
  await app.waitForSipList(mark, (r) => r.url.searchParams.get('up') === 'true' && r.url.searchParams.get('filter') === '+45')
  expect(await app.statusRadio('Up').isChecked()).toBe(true)

  // The next page may have gone out as a prefetch right after the status change: count from there.
  const sinceStatus = mark
  await tabTo(app, app.pageButton('Next page'))
  await keyboard.press('Enter')
  await expect.poll(async () => (await app.rangeValue())?.from, WAIT).toBe(101)
  await app.waitForSipList(sinceStatus, (r) => effective(r, 'offset') === '100' && r.url.searchParams.get('up') === 'true')

  const firstRow = app.rows.first()
  const name = ((await app.rowNames())[0] ?? '').trim()
  await tabTo(app, firstRow, 120)
  await keyboard.press('Enter')
  await app.drawer.first().waitFor()
  expect(await app.page.getByRole('dialog', { name: name.slice(0, 60) }).count()).toBe(1)
  await keyboard.press('Escape')
  await app.drawer.first().waitFor({ state: 'detached' })
  await expect.poll(() => isFocused(firstRow), WAIT).toBe(true)
})
