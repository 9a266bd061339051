/*
 * How the dashboard looks and fits: dark mode (system setting and the remembered toggle, with
 * axe's contrast checks in the dark palette), a 375 px phone (sticky Name column, no page-wide
 * horizontal scroll, a full-screen drawer) and the voice usage chart in the drawer.
 */
import type { BrowserContextOptions, Locator } from 'playwright-core'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import type { App } from './harness/app.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, openApp, test } from './harness/fixtures.ts'

const PRIMARY = DEMO_ACCOUNT_IDS.primaryTrunk
const PRIMARY_NAME = 'Hovedtrunk København'
/** --bg of each palette in src/app/styles.css. */
const LIGHT_BG = 'rgb(246, 247, 249)'
const DARK_BG = 'rgb(15, 20, 26)'

function pageBackground(app: App): Promise<string> {
  return app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
}

function themeSelect(app: App): Locator {
  return app.page.getByRole('banner').getByRole('combobox', { name: 'Theme' })
}

/** Opens the primary trunk's drawer from a link, signed in as `user`, and waits for its chart. */
async function openPrimaryWithChart(app: App, user: 'owner' | 'admin'): Promise<{ dialog: Locator; chart: Locator }> {
  await app.goto(`/?account=${PRIMARY}`)
  await app.signIn(user)
  const dialog = app.page.getByRole('dialog', { name: PRIMARY_NAME })
  const chart = dialog.getByRole('figure', { name: /^Outgoing minutes to Danish numbers, / })
  await chart.waitFor()
  return { dialog, chart }
}

const dark: BrowserContextOptions = { colorScheme: 'dark' }

test('dark mode follows the system setting; axe finds nothing in the dark sign-in page, list and drawer', async ({
  browser,
  task,
  onTestFinished,
}) => {
  const app = await openApp(browser, task, (cleanup) => onTestFinished(cleanup), dark)
  await app.goto('/')
  await app.email.waitFor()
  expect(await pageBackground(app)).toBe(DARK_BG)
  expect(await axeViolations(app)).toEqual([])

  await app.signInToList('admin')
  expect(await themeSelect(app).inputValue()).toBe('system')
  expect(await pageBackground(app)).toBe(DARK_BG)
  expect(await axeViolations(app)).toEqual([])

  await app.goto(`/?account=${PRIMARY}`)
  const dialog = app.page.getByRole('dialog', { name: PRIMARY_NAME })
  const chart = dialog.getByRole('figure', { name: /^Outgoing minutes/ })
  await chart.waitFor()
  await chart.getByText('Show as table').click()
  await chart.getByRole('table').waitFor()
  await dialog.getByRole('button', { name: 'Copy IP address' }).click()
  await dialog.getByText('Copied', { exact: true }).waitFor()
  expect(await axeViolations(app)).toEqual([])
})

test('the theme toggle overrides the system and is remembered across a reload', async ({ app }) => {
  await app.goto('/')
  await app.signInToList('owner')
  expect(await pageBackground(app)).toBe(LIGHT_BG)

  await themeSelect(app).selectOption({ label: 'Dark' })
  await expect.poll(() => pageBackground(app), WAIT).toBe(DARK_BG)

  // Notes the theme at the moment React first puts something into #root.
  await app.page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if ((document.getElementById('root')?.childElementCount ?? 0) === 0) return
      Reflect.set(window, '__themeAtFirstRender', document.documentElement.dataset.theme ?? 'none')
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
  })
  await app.page.reload()
  await app.waitForRows()
  expect(await themeSelect(app).inputValue()).toBe('dark')
  expect(await pageBackground(app)).toBe(DARK_BG)
  // Applied before the first render (main.tsx), not by an effect afterwards: no light flash.
  expect(await app.page.evaluate(() => Reflect.get(window, '__themeAtFirstRender'))).toBe('dark')

  await themeSelect(app).selectOption({ label: 'System' })
  await expect.poll(() => pageBackground(app), WAIT).toBe(LIGHT_BG)
})

test('Light chosen under a dark system stays light after a reload', async ({ browser, task, onTestFinished }) => {
  const app = await openApp(browser, task, (cleanup) => onTestFinished(cleanup), dark)
  await app.goto('/')
  await app.signInToList('viewer')
  expect(await pageBackground(app)).toBe(DARK_BG)
  await themeSelect(app).selectOption({ label: 'Light' })
  await expect.poll(() => pageBackground(app), WAIT).toBe(LIGHT_BG)
  await app.page.reload()
  await app.waitForRows()
  expect(await pageBackground(app)).toBe(LIGHT_BG)
})

test('375 × 740: no page-wide sideways scroll, the Name column stays while the table scrolls, the drawer covers the screen', async ({
  browser,
  task,
  onTestFinished,
}) => {
  const app = await openApp(browser, task, (cleanup) => onTestFinished(cleanup), { viewport: { width: 375, height: 740 } })
  const pageOverflow = () => app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

  await app.goto('/')
  await app.email.waitFor()
  expect(await pageOverflow()).toBeLessThanOrEqual(0)
  await app.signInToList('reseller')
  expect(await pageOverflow()).toBeLessThanOrEqual(0)
  for (const control of [
    app.page.getByRole('button', { name: 'Sign out', exact: true }),
    themeSelect(app),
    app.searchBox,
    app.page.getByRole('combobox', { name: 'Customer' }),
    app.pageButton('Next page'),
  ]) {
    const box = await control.boundingBox()
    expect(box, control.toString()).not.toBeNull()
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375, control.toString()).toBe(true)
  }

  // The table scrolls inside its own box; the Name cells stay at its left edge.
  const scroller = app.table.locator('xpath=..')
  const metrics = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }))
  expect(metrics.scrollWidth).toBeGreaterThan(metrics.clientWidth)
  const nameCell = app.rows.first().locator('td').first()
  const nameHeader = app.table.getByRole('columnheader', { name: 'Name', exact: true })
  const lastHeader = app.table.getByRole('columnheader').last()
  const before = await nameCell.boundingBox()
  expect((await lastHeader.boundingBox())?.x ?? 0).toBeGreaterThan(375)

  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft), WAIT).toBeGreaterThan(300)
  const after = await nameCell.boundingBox()
  expect(after?.x).toBe(before?.x)
  expect((after?.x ?? -1) >= 0).toBe(true)
  expect(((await lastHeader.boundingBox())?.x ?? 999) + 1).toBeLessThan(375)
  // Nothing is painted over the Name cell or its header: they are what the user sees there.
  for (const cell of [nameCell, nameHeader]) {
    const covered = await cell.evaluate((el) => {
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + 8, r.top + r.height / 2)
      return hit !== null && (hit === el || el.contains(hit))
    })
    expect(covered, cell.toString()).toBe(true)
  }

  // The drawer is full-screen and fits without sideways scrolling.
  const name = (await nameCell.textContent()) ?? ''
  await nameCell.click()
  const dialog = app.page.getByRole('dialog', { name: name.slice(0, 40) })
  await dialog.waitFor()
  await dialog.getByRole('heading', { name: 'Connection' }).waitFor()
  expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 740 })
  expect(await dialog.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  expect(await pageOverflow()).toBeLessThanOrEqual(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await dialog.waitFor({ state: 'detached' })
})

test('voice usage: 12 bars of outgoing minutes as the API has them, exact value on focus and hover, a table alternative', async ({
  app,
  api,
}) => {
  const token = (await api.login('owner')).token
  const truth = await api.listSip(token, { filter: PRIMARY_NAME })
  const usage = truth.sipAccounts.find((account) => account._id === PRIMARY)?.voiceUsage ?? []
  expect(usage).toHaveLength(12)
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const expected = usage.map(
    (month) => `${monthName.format(new Date(month.date))}: ${Math.round(month.secsOutHomeland / 60).toLocaleString('en-US')} minutes`,
  )

  const { chart } = await openPrimaryWithChart(app, 'owner')
  const bars = chart.getByRole('img')
  expect(await bars.count()).toBe(12)
  expect(await bars.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(expected)

  // Keyboard: the bars are one Tab stop; → moves on and the read-out shows the exact value.
  await bars.first().focus()
  await app.page.keyboard.press('ArrowRight')
  await app.page.keyboard.press('ArrowRight')
  expect(await bars.nth(2).evaluate((el) => el === document.activeElement)).toBe(true)
  await chart.getByText(expected[2] ?? '', { exact: true }).waitFor()

  await bars.nth(9).hover()
  await chart.getByText(expected[9] ?? '', { exact: true }).waitFor()

  await chart.getByText('Show as table').click()
  const table = chart.getByRole('table')
  await table.waitFor()
  expect(await table.getByRole('row').count()).toBe(13)
  expect(await table.getByRole('row').nth(12).textContent()).toBe(expected[11]?.replace(': ', '').replace(' minutes', ''))
})
