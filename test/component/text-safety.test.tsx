import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, forward, renderApp } from './render-app.tsx'

/*
 * Whatever text the API holds is shown as that text: markup stays characters, right-to-left and
 * emoji stay intact, a 10,000-character name is shown whole. Names are put into real accounts of
 * the reference server on the way (MSW), by id, so the list, the drawer and the link agree.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const TEN_THOUSAND = `${'Ærø-Østerbro-Åbenrå-'.repeat(499)}SLUT!!!!!!!!!!!!!!!!!!!!`.slice(0, 10_000)
const NAMES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("name")</script>',
  '"><svg onload=alert(2)>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;amp;',
  '{{constructor.constructor("alert(3)")()}}',
  'javascript:alert(4)',
  'مكتب الدوحة 📞 Kontor 🚀 Århus',
  'שלום \u202Eevil.exe\u202C trunk',
  '👩‍👩‍👧‍👦 Familie 🏳️‍🌈 🇩🇰',
  'Z̸̡̛a̵l̷g̶o̴ tekst',
  'Tab\there and\u00a0no-break',
  TEN_THOUSAND,
  'x'.repeat(10_000),
]

type Json = Record<string, unknown>

/** Gives the first accounts of each GET /sip answer the names above, consistently by id. */
function renameAccounts(): Map<string, string> {
  const byId = new Map<string, string>()
  const rename = (account: Json) => {
    const id = String(account._id)
    if (!byId.has(id) && byId.size < NAMES.length) byId.set(id, NAMES[byId.size] ?? '')
    const name = byId.get(id)
    if (name !== undefined) account.name = name
  }
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as { sipAccounts: Json[] }
      body.sipAccounts.forEach(rename)
      return HttpResponse.json(body)
    }),
    http.get('*/api/sip/:id', async ({ request }) => {
      const body = (await (await forward(api, request)).json()) as Json
      rename(body)
      return HttpResponse.json(body)
    }),
  )
  return byId
}

/** Elements or handlers that could only exist if a name had been parsed as HTML. */
const injected = () => document.querySelectorAll('img, script, svg[onload], [onerror], [onload], [onmouseover]')

test('markup, right-to-left, emoji, combining marks and 10,000-character names are each shown as exactly their text', async () => {
  renameAccounts()
  renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const shown = rows.slice(0, NAMES.length).map((row) => row.querySelector('td')?.textContent)
  expect(shown).toEqual(NAMES)
  expect(injected()).toHaveLength(0)
})

test('the drawer of each such account is named by it and shows it whole', async () => {
  const byId = renameAccounts()
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  for (const index of [0, 7, 8, 11, 12]) {
    const row = rows[index] as HTMLElement
    const name = NAMES[index] ?? ''
    await user.click(row)
    const dialog = await screen.findByRole('dialog', { name }, { timeout: 8000 })
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe(name)
    await within(dialog).findByRole('heading', { name: 'Overview' }, { timeout: 8000 })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  }
  expect(byId.size).toBe(NAMES.length)
  expect(injected()).toHaveLength(0)
})

test('the seeded 10,000-character and right-to-left accounts open from a link and read the same in title and details', async () => {
  for (const id of [DEMO_ACCOUNT_IDS.longNameTrunk, DEMO_ACCOUNT_IDS.rtlTrunk]) {
    const response = await api.app.fetch(
      new Request(`http://reference.test/sip/${id}`, { headers: { Authorization: `Bearer ${api.tokenFor('owner')}` } }),
    )
    const { name } = (await response.json()) as { name: string }
    const view = renderApp(api, { as: 'owner', url: `/?account=${id}` })
    const dialog = await screen.findByRole('dialog', { name }, { timeout: 8000 })
    const overview = await within(dialog).findByRole('heading', { name: 'Overview' }, { timeout: 8000 })
    expect(overview.closest('section')?.textContent).toContain(name)
    view.unmount()
  }
})
