import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { activate } from '../../src/lib/i18n.ts'
import { da } from '../../src/locales/da.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { renderApp } from './render-app.tsx'

/*
 * Nothing the dashboard writes escapes the catalogue (issue #14, decision 048). Every message is
 * shown in a pseudo-locale, "⟦<English>⟧", and each screen is then read as a whole: every text
 * node and every attribute that reaches a user (aria-label, title, placeholder …) may hold
 * only marked text, data the API sent, numbers and punctuation. An English word left outside the
 * markers is a string that did not come through t(), and the test names it.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })
beforeAll(() => import('../../src/features/sip-accounts/drawer/account-drawer.tsx'), 60_000)

const PSEUDO = Object.fromEntries(Object.keys(da).map((english) => [english, `⟦${english}⟧`]))
const p = (english: string) => `⟦${english}⟧`

/** Every word of every API response this test saw: data, shown as data, is not the UI's to translate. */
const dataWords = new Set<string>()
/** Written in no language: the brand, and each language's own name in the switch. */
const NAMES = ['Telecom', 'English', 'Dansk']
/** What Intl writes for English dates and times (in the pseudo-locale, Intl speaks English). */
const INTL_WORDS = [...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2025, month, 15)))].flatMap((date) => [
  date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' }),
  date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }),
])

beforeEach(() => {
  activate('en', PSEUDO)
  api.server.events.on('response:mocked', ({ response }) => {
    void response
      .clone()
      .text()
      .then((text) => {
        for (const word of text.match(/\p{L}{2,}/gu) ?? []) dataWords.add(word)
      })
  })
})
afterEach(() => {
  activate('en', undefined)
  api.server.events.removeAllListeners()
  localStorage.clear()
})

const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt']

/** Words outside ⟦…⟧ that are neither data nor a name: the UI's untranslated text, with where it sits. */
function untranslated(root: HTMLElement = document.body): string[] {
  const found: string[] = []
  const check = (text: string, where: string) => {
    let rest = text
    for (let before = ''; before !== rest;) {
      before = rest
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')
    }
    const words = (rest.match(/\p{L}{2,}/gu) ?? []).filter(
      (word) => !dataWords.has(word) && !NAMES.includes(word) && !INTL_WORDS.includes(word),
    )
    if (words.length > 0) found.push(`${where}: "${text.trim()}"`)
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      if (node.parentElement?.closest('style, script')) continue
      check(node.data, `<${node.parentElement?.tagName.toLowerCase()}>`)
    } else if (node instanceof HTMLElement) {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name)
        if (value) check(value, `<${node.tagName.toLowerCase()} ${name}>`)
      }
    }
  }
  check(document.title, '<title>')
  return found
}

test('the sign-in page, both ways to sign in', async () => {
  const { user } = renderApp(api)
  await screen.findByRole('heading', { name: p('Sign in') })
  expect(untranslated()).toEqual([])
  await user.click(screen.getByRole('button', { name: p('Sign in with API token') }))
  await screen.findByRole('button', { name: p('Sign in with email and password') })
  expect(untranslated()).toEqual([])
})

async function listShown(name = p('SIP accounts')) {
  const table = await screen.findByRole('table', { name }, { timeout: 10_000 })
  await waitFor(() => expect(table.querySelectorAll('tbody tr:not([aria-hidden]) td').length).toBeGreaterThan(10), { timeout: 10_000 })
  return table
}

test('a reseller’s list, its dialogs and an account’s drawer', async () => {
  const { user } = renderApp(api, { as: 'reseller' })
  const table = await listShown()
  // The counts on the Status filter arrive beside the list.
  await waitFor(() => expect(screen.getByRole('radiogroup').textContent).toMatch(/\d/))
  expect(untranslated()).toEqual([])

  // Each dialog the list opens: opened by its button, checked, closed with Esc.
  const dialogs: [HTMLElement, string | RegExp][] = [
    [within(table).getAllByRole('button', { name: /more number/ })[0] as HTMLElement, /Numbers of/],
    [screen.getByRole('button', { name: p('Columns') }), p('Table view')],
    [screen.getByRole('button', { name: p('Keyboard shortcuts') }), p('Keyboard shortcuts')],
    [screen.getByRole('button', { name: p('Export CSV') }), p('Export CSV')],
  ]
  for (const [button, dialog] of dialogs) {
    await user.click(button)
    await screen.findByRole('dialog', { name: dialog })
    expect(untranslated()).toEqual([])
    await user.keyboard('{Escape}')
  }

  const firstName = within(table).getAllByRole('link')[0]
  if (!firstName) throw new Error('no account link in the first row')
  await user.click(firstName)
  const drawer = await screen.findByRole('dialog', { name: firstName.textContent ?? '' }, { timeout: 10_000 })
  await within(drawer).findByRole('heading', { name: p('Voice usage') }, { timeout: 10_000 })
  expect(untranslated()).toEqual([])
})

test('down by customer', async () => {
  renderApp(api, { as: 'reseller', url: '/?view=down' })
  await screen.findByRole('table', { name: /⟦/ }, { timeout: 10_000 })
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), { timeout: 10_000 })
  expect(untranslated()).toEqual([])
})

test('a search that finds nothing, and a list that cannot load', async () => {
  const { unmount } = renderApp(api, { as: 'owner', url: '/?filter=zzzz-no-such-account' })
  await screen.findByRole('button', { name: p('Clear search') }, { timeout: 10_000 })
  expect(untranslated()).toEqual([])
  unmount()

  // No message of the API's own: what the dashboard says is all there is.
  api.server.use(http.get('*/api/sip', () => HttpResponse.json({ error: { code: 'unavailable', status: 503 } }, { status: 503 })))
  renderApp(api, { as: 'owner' })
  await screen.findByRole('alert', {}, { timeout: 10_000 })
  expect(untranslated()).toEqual([])
})
