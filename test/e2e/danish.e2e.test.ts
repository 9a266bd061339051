/*
 * The dashboard in Danish (issue #14, decision 048), in real Chromium against the reference server:
 * a Danish browser gets Danish before sign-in; a user whose `language` is "da" works in Danish
 * after it (names, Danish number grouping, html lang, title); the header's switch changes the
 * language in place, without a request, and is remembered across a reload; axe finds nothing in
 * either language. Danish names are read from the catalogue itself, so the test follows its words.
 */
import type { Locator } from 'playwright-core'
import { DEMO_USERS } from '../../server/demo-users.ts'
import { da, type MessageKey } from '../../src/locales/da.ts'
import { WAIT } from './harness/app.ts'
import { axeViolations } from './harness/axe.ts'
import { expect, openApp, test } from './harness/fixtures.ts'

const dk = (key: MessageKey): string => da[key]

test('a Danish browser signs in in Danish; axe clean', async ({ browser, task, onTestFinished }) => {
  const app = await openApp(browser, task, (cleanup) => onTestFinished(cleanup), { locale: 'da-DK' })
  await app.goto('/')
  await expect.poll(() => app.page.evaluate(() => document.documentElement.lang), WAIT).toBe('da')
  await app.page.getByRole('heading', { name: dk('Sign in'), exact: true }).waitFor()
  expect(await app.page.title()).toBe(dk('SIP accounts · Telecom X'))
  expect(await axeViolations(app)).toEqual([])

  const user = DEMO_USERS.dansk
  await app.page.getByRole('textbox', { name: dk('Email') }).fill(user.email)
  await app.page.getByLabel(dk('Password'), { exact: true }).fill(user.password)
  await app.page.getByRole('button', { name: dk('Sign in'), exact: true }).click()
  await app.page
    .getByRole('table', { name: dk('SIP accounts') })
    .getByRole('row')
    .nth(1)
    .waitFor()
})

test('a Danish user works in Danish, switches to English in place, and the choice is remembered', async ({ app }) => {
  await app.goto('/')
  await app.signIn('dansk')
  const table = app.page.getByRole('table', { name: dk('SIP accounts') })
  await table.getByRole('row').nth(1).waitFor()
  await expect.poll(() => app.page.evaluate(() => document.documentElement.lang), WAIT).toBe('da')
  expect(await app.page.title()).toBe(dk('SIP accounts · Telecom X'))

  // Counts with Danish grouping: the reseller's subtree has thousands of accounts.
  const status = app.page.getByRole('radiogroup', { name: dk('Status') })
  await status.getByRole('radio', { name: new RegExp(`^${dk('Down')} \\d{1,3}(\\.\\d{3})*$`) }).waitFor()
  await status.getByRole('radio', { name: new RegExp(`^${dk('All')} \\d{1,3}(\\.\\d{3})+$`) }).waitFor()
  await expect.poll(() => rangeText(app.page.getByRole('status')), WAIT).toMatch(/^1–100 af \d{1,3}(\.\d{3})+$/)
  expect(await axeViolations(app)).toEqual([])

  // The drawer in Danish, axe clean.
  await table.getByRole('link').first().click()
  const drawer = app.page.getByRole('dialog')
  await drawer.getByRole('button', { name: dk('Close'), exact: true }).waitFor()
  await drawer.getByRole('heading', { name: dk('Voice usage') }).waitFor()
  expect(await axeViolations(app)).toEqual([])
  await app.page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'detached' })

  // Switching: at once, no request, English names back exactly.
  const mark = app.mark()
  await app.page.getByRole('combobox', { name: dk('Language') }).selectOption('en')
  await app.table.getByRole('row').nth(1).waitFor()
  await app.statusRadio('Down').waitFor()
  await expect.poll(() => app.page.evaluate(() => document.documentElement.lang), WAIT).toBe('en')
  expect(await app.page.title()).toBe('SIP accounts · Telecom X')
  expect(app.requests.slice(mark).filter((request) => request.url.pathname.startsWith('/api/'))).toEqual([])
  expect(await axeViolations(app)).toEqual([])

  // Remembered in this browser, over the user's own language.
  await app.page.reload()
  await app.table.getByRole('row').nth(1).waitFor()
  expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en')
  await app.page.getByRole('combobox', { name: 'Language' }).selectOption('da')
  await table.getByRole('row').nth(1).waitFor()
})

async function rangeText(statuses: Locator): Promise<string> {
  const texts = await statuses.allTextContents()
  return texts.find((text) => /^\d/.test(text.trim()))?.trim() ?? ''
}
