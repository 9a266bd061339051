/*
 * The theme toggle's promise, checked on everything painted: an explicit Light or Dark looks
 * exactly like the system setting of the same name, whatever the system says, and System follows
 * the system again. The palette is one set of light-dark() pairs (src/app/tokens.css) and
 * `color-scheme` picks the half, so a choice that forgot to set it would paint the wrong half.
 */
import type { Locator, Page } from 'playwright-core'
import { expect, test } from './harness/fixtures.ts'

/** Every computed colour of every element, by position in the document (focus ring excluded). */
function paint(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    const colours = [...getComputedStyle(document.documentElement)].filter(
      (name) => /color|shadow|fill|stroke|image/.test(name) && name !== 'color-scheme',
    )
    return [document.documentElement, ...document.body.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element)
      return `${element.tagName} ${colours.map((name) => `${name}=${style.getPropertyValue(name)}`).join(' ')}`
    })
  })
}

function themeSelect(page: Page): Locator {
  return page.getByRole('banner').getByRole('combobox', { name: 'Theme' })
}

test('an explicit Light or Dark paints exactly what the system setting of that name paints', async ({ app }) => {
  const { page } = app
  await app.goto('/')
  await app.signInToList('admin')
  // Counts and customer names arrive after the rows: every paint below compares the same page.
  await app.waitForListComplete()
  await page.mouse.move(0, 0)

  await page.emulateMedia({ colorScheme: 'light' })
  const light = await paint(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await paint(page)
  // The two halves differ on most elements (otherwise the comparisons below prove nothing).
  expect(light.filter((line, index) => line !== dark[index]).length).toBeGreaterThan(light.length / 2)

  await page.emulateMedia({ colorScheme: 'light' })
  await themeSelect(page).selectOption({ label: 'Dark' })
  expect(await paint(page)).toEqual(dark)
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await paint(page)).toEqual(dark)

  await themeSelect(page).selectOption({ label: 'Light' })
  expect(await paint(page)).toEqual(light)
  await page.emulateMedia({ colorScheme: 'light' })
  expect(await paint(page)).toEqual(light)

  await themeSelect(page).selectOption({ label: 'System' })
  expect(await paint(page)).toEqual(light)
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await paint(page)).toEqual(dark)
})
