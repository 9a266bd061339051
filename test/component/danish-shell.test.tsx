import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { DEMO_USERS } from '../../server/demo-users.ts'
import { activateInitialLanguage } from '../../src/app/language-provider.tsx'
import { activate } from '../../src/lib/i18n.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, recordRequests, renderApp } from './render-app.tsx'

/*
 * The shell in Danish (issue #14): the sign-in page from a Danish browser, the header of a Danish
 * user, the switch back to English at once and without a refetch, <html lang>, and the choice
 * remembered over a reload. What the list, drawer and export say in Danish is tested beside them.
 */
const api = setupReferenceApi()
// Whole-app renders with real server code behind MSW: slower than a unit test under jsdom.
vi.setConfig({ testTimeout: 30_000 })

afterEach(() => {
  vi.restoreAllMocks()
  // The next test starts like a fresh page: English until its own language is picked.
  activate('en', undefined)
})

function danishBrowser() {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue('da-DK')
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['da-DK', 'da', 'en-GB'])
}

/** The first rows are in, with their customer names and the parts that load right after them (any language). */
async function pageSettled() {
  await waitFor(
    () => {
      const body = document.querySelector('table > tbody')
      if (!body?.querySelector('tr:not([aria-hidden="true"]) > td')) throw new Error('no rows yet')
      if (document.querySelector('[data-stand-in]')) throw new Error('a stand-in still waits for its code')
      if (body.textContent.includes('…')) throw new Error('customer names still loading')
    },
    { timeout: 8000 },
  )
}

test('a Danish browser signs in in Danish, a Danish user gets a Danish header, English is one switch away (no refetch) and is remembered', async () => {
  danishBrowser()
  // 25 rows a page: the switch re-renders every row, and jsdom is slow at it.
  const { user, unmount } = renderApp(api, { url: '/?limit=25' })
  // The sign-in page, before anyone is known: the browser's language.
  expect(await screen.findByRole('heading', { name: 'Log ind' })).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Sprog' })).toHaveValue('da')
  expect(screen.getByText('Oversigt over SIP-konti')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Log ind med API-token' })).toBeInTheDocument()
  expect(document.documentElement.lang).toBe('da')
  expect(document.title).toBe('SIP-konti · Telecom X')

  const requests = recordRequests(api)
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), DEMO_USERS.dansk.email)
  await user.type(screen.getByLabelText('Adgangskode'), DEMO_USERS.dansk.password)
  await user.click(screen.getByRole('button', { name: 'Log ind' }))
  const banner = await screen.findByRole('banner')
  await pageSettled()

  // The header in Danish: the user's own language (da) from the login answer.
  expect(within(banner).getByRole('link', { name: 'Gå til indhold' })).toBeInTheDocument()
  expect(banner).toHaveTextContent('Dorthe Dansk')
  expect(within(banner).getByText('Forhandler')).toHaveAttribute('title', 'RESELLER')
  expect(within(banner).getByRole('combobox', { name: 'Tema' })).toHaveDisplayValue('System')
  expect(within(banner).getByRole('option', { name: 'Mørk' })).toBeInTheDocument()
  expect(within(banner).getByRole('button', { name: 'Log ud' })).toBeInTheDocument()
  expect(within(banner).getByRole('button', { name: 'Log ud overalt' })).toBeInTheDocument()
  // The pager's own words (found by its label: a role query over a page of rows is slow in jsdom).
  const pager = screen.getByLabelText('Sidenavigation', { selector: 'nav' })
  expect(within(pager).getByRole('combobox', { name: 'Rækker pr. side' })).toBeInTheDocument()
  expect(within(pager).getByRole('button', { name: 'Forrige side' })).toBeDisabled()

  // Everything asked so far; a switch of language must ask none of it again.
  const before = new Set(requests.urls().map((url) => url.href))
  requests.stop()
  const afterSwitch = recordRequests(api)
  await user.selectOptions(within(banner).getByRole('combobox', { name: 'Sprog' }), 'en')

  expect(await within(banner).findByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  expect(within(banner).getByRole('button', { name: 'Sign out everywhere' })).toBeInTheDocument()
  expect(within(banner).getByRole('link', { name: 'Skip to content' })).toBeInTheDocument()
  expect(within(banner).getByText('Reseller')).toHaveAttribute('title', 'RESELLER')
  expect(within(banner).getByRole('combobox', { name: 'Language' })).toHaveValue('en')
  expect(within(banner).getByRole('combobox', { name: 'Theme' })).toBeInTheDocument()
  expect(pager).toHaveAccessibleName('Pagination')
  expect(within(pager).getByRole('button', { name: 'Previous page' })).toBeDisabled()
  expect(document.documentElement.lang).toBe('en')
  expect(document.title).toBe('SIP accounts · Telecom X')
  expect(await findRows()).not.toHaveLength(0)
  expect(afterSwitch.urls().filter((url) => before.has(url.href) || url.pathname.startsWith('/api/auth/'))).toEqual([])
  afterSwitch.stop()
  expect(localStorage.getItem('telecomx:language:v1')).toBe('"en"')

  // A reload (same tab, same token, same Danish browser): the stored choice beats both the
  // browser's and the user's language, from the first paint on.
  unmount()
  activate('en', undefined)
  await activateInitialLanguage()
  renderApp(api, { url: '/?limit=25', as: 'dansk' })
  expect(screen.getByRole('status')).toHaveTextContent('Resuming your session…')
  expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('en')
  expect(document.documentElement.lang).toBe('en')
})

test('the sign-in page has the language switch: Danish at once, its errors too, and back to English', async () => {
  const { user } = renderApp(api)
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'da')

  expect(await screen.findByRole('heading', { name: 'Log ind' })).toBeInTheDocument()
  expect(document.documentElement.lang).toBe('da')
  await user.type(screen.getByRole('textbox', { name: 'E-mail' }), DEMO_USERS.viewer.email)
  await user.type(screen.getByLabelText('Adgangskode'), 'not-the-password')
  await user.click(screen.getByRole('button', { name: 'Log ind' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('Forkert e-mail eller adgangskode.')
  await user.click(screen.getByRole('button', { name: 'Log ind med API-token' }))
  expect(screen.getByLabelText('API-token')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Log ind med token' })).toBeInTheDocument()

  await user.selectOptions(screen.getByRole('combobox', { name: 'Sprog' }), 'en')
  expect(await screen.findByRole('button', { name: 'Sign in with token' })).toBeInTheDocument()
  expect(screen.getByLabelText('API token')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Sign in with email and password' })).toBeInTheDocument()
  expect(document.documentElement.lang).toBe('en')
})
