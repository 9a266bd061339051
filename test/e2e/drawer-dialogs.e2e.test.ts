import type { Locator, Page, Route } from 'playwright-core'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, test } from './harness/fixtures.ts'

/** The operator's screen (issue #12), and the same screen at 200 % browser zoom in CSS px. */
const SCREEN = { width: 1400, height: 900 }
const ZOOM_200 = { width: 700, height: 450 }

const PRIMARY = DEMO_ACCOUNT_IDS.primaryTrunk
/** No spaces: only overflow-wrap:anywhere can wrap it. */
const LONG_NAME = 'W'.repeat(10_000)

/** Gives the primary trunk a 10,000-character name in every GET /sip and GET /sip/:id answer. */
async function longName(route: Route): Promise<void> {
  const response = await route.fetch()
  const body: unknown = await response.json()
  const rename = (row: unknown) =>
    typeof row === 'object' && row !== null && '_id' in row && row._id === PRIMARY ? { ...row, name: LONG_NAME } : row
  const renamed =
    typeof body === 'object' && body !== null && 'sipAccounts' in body && Array.isArray(body.sipAccounts)
      ? { ...body, sipAccounts: body.sipAccounts.map(rename) }
      : rename(body)
  await route.fulfill({ response, json: renamed })
}

/** True when the whole element is inside the viewport and is what a click at its centre hits. */
async function onScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const rect = el.getBoundingClientRect()
    if (rect.width <= 1 || rect.height <= 1) return false
    if (rect.top < 0 || rect.left < 0 || rect.bottom > window.innerHeight || rect.right > window.innerWidth) return false
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

/** True when any part of the element (more than a 1 px speck) is painted inside the viewport. */
async function partlyOnScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const rect = el.getBoundingClientRect()
    const top = Math.max(rect.top, 0)
    const bottom = Math.min(rect.bottom, window.innerHeight)
    const left = Math.max(rect.left, 0)
    const right = Math.min(rect.right, window.innerWidth)
    if (bottom - top <= 1 || right - left <= 1) return false
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2)
    return hit !== null && (hit === el || el.contains(hit))
  })
}

/**
 * Makes the page itself taller than the window and scrolls it a little (a script may, even while
 * locked), so a wheel that leaks through to the page would change window.scrollY.
 */
async function scrollablePage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const spacer = document.createElement('div')
    spacer.style.height = '3000px'
    document.body.append(spacer)
    window.scrollTo(0, 200)
    return window.scrollY
  })
}

test('1400×900, a 10,000-character name: Close, Previous and Next stay on screen; the wheel over the drawer does not scroll the page', async ({
  app,
}) => {
  await app.page.setViewportSize(SCREEN)
  await app.page.route((url) => url.pathname === '/api/sip' || url.pathname === `/api/sip/${PRIMARY}`, longName)
  await app.goto('/?filter=Hovedtrunk')
  await app.signInToList('owner')

  await app.rows.first().locator('td').nth(1).click()
  const dialog = app.page.getByRole('dialog', { name: LONG_NAME })
  await dialog.waitFor()
  for (const name of ['Close', 'Previous account', 'Next account']) {
    expect(await onScreen(dialog.getByRole('button', { name, exact: true })), name).toBe(true)
  }
  const heading = dialog.getByRole('heading', { level: 2 })
  expect((await heading.boundingBox())?.height ?? Infinity).toBeLessThan(80)
  await expect.poll(() => dialog.locator('.drawer-body').textContent(), WAIT).toContain(LONG_NAME)
  const scrollY = await scrollablePage(app.page)
  expect(scrollY).toBe(200)

  // The wheel over the header (nothing to scroll there) and over the body scrolled to its end.
  const header = await dialog.locator('.drawer-header').boundingBox()
  if (!header) throw new Error('no drawer header')
  await app.page.mouse.move(header.x + header.width / 2, header.y + header.height / 2)
  await app.page.mouse.wheel(0, 600)
  const body = dialog.locator('.drawer-body')
  await body.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const box = await body.boundingBox()
  if (!box) throw new Error('no drawer body')
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await app.page.mouse.wheel(0, 600)
  // A wheel scroll is applied by the next frame; wait for two so a leak would have shown.
  await app.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
  expect(await app.page.evaluate(() => window.scrollY)).toBe(scrollY)

  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
  expect(await app.page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden')
})

/** Each dialog of the list page: how it opens, its name, and the button that leaves it. */
const DIALOGS = [
  { opener: 'Keyboard shortcuts', name: 'Keyboard shortcuts', exit: 'Close' },
  { opener: 'Columns', name: 'Table view', exit: 'Done' },
  { opener: 'Changes', name: 'Status changes', exit: 'Close' },
  { opener: 'Sign out everywhere', name: 'Sign out everywhere?', exit: 'Cancel' },
] as const

async function reachExit(dialog: Locator, exit: string): Promise<void> {
  const button = dialog.getByRole('button', { name: exit, exact: true })
  // "Reachable": after scrolling the dialog's own scroller, the button is on screen and clickable.
  await button.scrollIntoViewIfNeeded()
  expect(await onScreen(button), exit).toBe(true)
  await button.click()
  await dialog.waitFor({ state: 'detached' })
}

test('200 % zoom (700×450): every dialog and the drawer keep their way out on screen; axe finds nothing with the drawer or the shortcuts open', async ({
  app,
}) => {
  await app.page.setViewportSize(ZOOM_200)
  await app.goto('/')
  await app.signInToList('owner')

  for (const { opener, name, exit } of DIALOGS) {
    await app.page.getByRole('button', { name: opener, exact: true }).click()
    const dialog = app.page.getByRole('dialog', { name })
    await dialog.waitFor()
    // The dialog fits the window (its body scrolls instead of the dialog running off-screen).
    const box = await dialog.boundingBox()
    expect(box && box.y >= 0 && box.y + box.height <= ZOOM_200.height, name).toBe(true)
    if (name === 'Keyboard shortcuts') expect(await axeViolations(app)).toEqual([])
    await reachExit(dialog, exit)
  }

  await app.rows.first().locator('td').nth(1).click()
  const drawer = app.page.getByRole('dialog').filter({ has: app.page.getByRole('button', { name: 'Next account' }) })
  await drawer.waitFor()
  await expect.poll(() => drawer.locator('.drawer-body section').count(), WAIT).toBeGreaterThan(3)
  for (const name of ['Previous account', 'Next account'])
    expect(await onScreen(drawer.getByRole('button', { name, exact: true })), name).toBe(true)
  expect(await axeViolations(app)).toEqual([])
  await reachExit(drawer, 'Close')
})

test('the skip link stays hidden when the offline banner appears, and shows when Tab focuses it', async ({ app }) => {
  await app.page.setViewportSize(SCREEN)
  await app.goto('/')
  await app.signInToList('owner')
  // The pointer off the rows: hovering one prefetches its drawer, whose chunk cannot load offline.
  await app.page.mouse.move(0, 0)
  const skip = app.page.getByRole('link', { name: 'Skip to content' })
  expect(await partlyOnScreen(skip)).toBe(false)

  await app.context.setOffline(true)
  const banner = app.page.getByRole('status', { name: 'Connection' })
  await expect.poll(() => banner.textContent(), WAIT).toContain('You are offline.')
  expect(await partlyOnScreen(skip)).toBe(false)

  // From the top of the document the first Tab lands on the skip link, which then shows.
  await app.page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
  })
  await app.page.keyboard.press('Tab')
  await expect.poll(() => skip.evaluate((el) => el === document.activeElement), WAIT).toBe(true)
  expect(await onScreen(skip)).toBe(true)
  await app.context.setOffline(false)
})
