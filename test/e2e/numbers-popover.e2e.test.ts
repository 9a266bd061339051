import type { Locator } from 'playwright-core'
import type { App } from './harness/app.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, openApp, test } from './harness/fixtures.ts'

/** The operator's screen (issue #12), and the same screen at 200 % zoom (half the CSS pixels, twice the density). */
const SCREEN = { width: 1400, height: 900 }
const ZOOM_200 = { viewport: { width: SCREEN.width / 2, height: SCREEN.height / 2 }, deviceScaleFactor: 2 }

interface NumberBox {
  top: number
  height: number
  lineHeight: number
  overflows: boolean
  /** The point in the middle of the number shows the number (nothing clips or covers it). */
  visible: boolean
}

/** Where each number of the open popover sits, and whether the whole panel is inside the window. */
async function measure(dialog: Locator): Promise<{ numbers: NumberBox[]; inWindow: boolean }> {
  return dialog.evaluate((panel) => {
    const rect = panel.getBoundingClientRect()
    const inWindow = rect.left >= 0 && rect.top >= 0 && rect.right <= window.innerWidth && rect.bottom <= window.innerHeight
    const numbers = [...panel.querySelectorAll('li')].map((item) => {
      const box = item.getBoundingClientRect()
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return {
        top: box.top,
        height: box.height,
        lineHeight: parseFloat(getComputedStyle(item).lineHeight),
        overflows: item.scrollWidth > item.clientWidth + 1,
        visible: hit !== null && item.contains(hit),
      }
    })
    return { numbers, inWindow }
  })
}

function expectOneNumberPerLine(numbers: NumberBox[], count: number) {
  expect(numbers).toHaveLength(count)
  for (const number of numbers) {
    // One line: as tall as a line (a number wrapped into 2–4 lines would be 2–4 times that).
    expect(number.height).toBeLessThan(number.lineHeight * 1.5)
    expect(number.overflows).toBe(false)
    expect(number.visible).toBe(true)
  }
  // Each number on its own line, top to bottom.
  const tops = numbers.map((number) => number.top)
  expect([...tops].sort((a, b) => a - b)).toEqual(tops)
  expect(new Set(tops).size).toBe(count)
}

async function focusInside(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.contains(document.activeElement))
}

async function openPrimaryTrunk(app: App): Promise<Locator> {
  await app.goto('/?filter=Hovedtrunk')
  await app.signInToList('owner')
  return app.page.getByRole('button', { name: '3 more numbers' })
}

test('the "+3" chip opens a dialog wide enough for one number per line, in view, focus inside; axe finds nothing; Esc closes it and focus returns', async ({
  app,
}) => {
  await app.page.setViewportSize(SCREEN)
  const chip = await openPrimaryTrunk(app)
  await chip.click()
  const dialog = app.page.getByRole('dialog', { name: 'Numbers of Hovedtrunk København' })
  await dialog.waitFor()
  expect(await focusInside(dialog)).toBe(true)
  expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
    '+45 70 30 50 50',
    '+45 70 30 50 51',
    '+45 70 30 50 52',
    '+45 80 80 80 80',
  ])
  const { numbers, inWindow } = await measure(dialog)
  expect(inWindow).toBe(true)
  expectOneNumberPerLine(numbers, 4)
  // The popover, not the account drawer.
  expect(app.search().get('account')).toBeNull()
  expect(await axeViolations(app)).toEqual([])

  await app.page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  expect(await chip.evaluate((el) => el === document.activeElement)).toBe(true)
  expect(app.search().get('account')).toBeNull()

  // Enter opens it again; a click outside closes it.
  await app.page.keyboard.press('Enter')
  await dialog.waitFor()
  await app.heading.click()
  await dialog.waitFor({ state: 'detached' })
  expect(app.search().get('account')).toBeNull()
})

test('at 200 % zoom: the popover still shows one number per line inside the window, and axe finds nothing (inactive rows dimmed included)', async ({
  browser,
  task,
  onTestFinished,
}) => {
  const app = await openApp(browser, task, (cleanup) => onTestFinished(cleanup), ZOOM_200)
  await app.goto('/')
  await app.signInToList('owner')
  // A page of the owner's list holds inactive trunks: their dimmed rows are in axe's contrast check.
  await app.waitForRows()
  await app.scrollRowsTo(app.table.getByText('Inactive', { exact: true }))
  const chip = app.table.getByRole('button', { name: /^\d+ more numbers?$/ }).first()
  const count = Number(/^(\d+)/.exec((await chip.getAttribute('aria-label')) ?? '')?.[1]) + 1
  await chip.scrollIntoViewIfNeeded()
  await chip.click()
  const dialog = app.page.getByRole('dialog', { name: /^Numbers of / })
  await dialog.waitFor()
  const { numbers, inWindow } = await measure(dialog)
  expect(inWindow).toBe(true)
  expectOneNumberPerLine(numbers, count)
  expect(await axeViolations(app)).toEqual([])
})

test('the selected status button changes its look, not its size: no neighbour moves; the PBX note is beside the filter', async ({
  app,
}) => {
  await app.page.setViewportSize(SCREEN)
  await app.goto('/')
  await app.signInToList('owner')
  // The counts on the radios ("Down 11", decision 043) are in: the sizes compared are the final ones.
  await app.waitForListComplete()
  const boxes = () =>
    app.statusGroup.evaluate((group) =>
      [...group.querySelectorAll('label')].map((label) => label.getBoundingClientRect().toJSON() as DOMRect),
    )
  const before = await boxes()
  await app.statusRadio('Down').check()
  await expect.poll(() => app.search().get('up'), WAIT).toBe('false')
  expect(await boxes()).toEqual(before)
  await expect.poll(() => app.page.getByText(/^All = Up \+ Down \+ [\d,]+ PBX trunks? without status$/).isVisible(), WAIT).toBe(true)
})
