import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { activate } from '../../src/lib/i18n.ts'
import { languagePreference } from '../../src/lib/language.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { renderApp } from './render-app.tsx'

/*
 * The table and the account drawer in Danish (issue #14): column headers, status badges and the
 * numbers chip, the column chooser, then the drawer's sections, field labels, a connection type's
 * explanation and the voice usage months; switching to English while the drawer is open gives
 * the same elements their English names at once. dansk@ is a reseller whose language is `da`.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 30_000 })
// The drawer is a lazy chunk: transformed once up front (see drawer.test.tsx).
beforeAll(() => import('../../src/features/sip-accounts/drawer/account-drawer.tsx'), 60_000)

afterEach(() => {
  localStorage.clear()
  activate('en', undefined)
})

const PRIMARY = 'Hovedtrunk København'

async function findTable(name: string) {
  const table = await screen.findByRole('table', { name }, { timeout: 10_000 })
  await waitFor(
    () => {
      if (!table.querySelector('tbody > tr:not([aria-hidden="true"]) > td')) throw new Error('no rows yet')
      if (document.querySelector('[data-stand-in]')) throw new Error('a stand-in still waits for its code')
    },
    { timeout: 10_000 },
  )
  return table
}

const headerNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader', { hidden: true })
    .map((th) => th.textContent)

test('the table, the column chooser and the drawer speak Danish; the switch to English renames them while the drawer stays open', async () => {
  const { user } = renderApp(api, { as: 'dansk' })
  let table = await findTable('SIP-konti')

  // Headers (their names and their resize handles) and the cells' words.
  expect(headerNames(table)).toEqual(
    expect.arrayContaining(['Navn', 'Kunde', 'Numre', 'Status', 'Aktiv', 'Forbindelse', 'IP-adresse', 'Brugernavn', 'Prisplan']),
  )
  expect(within(table).getByRole('columnheader', { name: 'Forbrugsspærring' })).toBeInTheDocument()
  expect(within(table).getAllByText('● Oppe')[0]).toHaveAttribute('title', "Oppe: API'et melder status ON")
  expect(within(table).getAllByText('○ Nede')[0]).toHaveAttribute('title', "Nede: API'et melder status OFF")
  expect(within(table).queryByText(/^[●○] (Up|Down)$/)).toBeNull()

  // The column chooser.
  await user.click(screen.getByRole('button', { name: 'Kolonner' }))
  const chooser = await screen.findByRole('dialog', { name: 'Tabelvisning' })
  expect(within(chooser).getByRole('checkbox', { name: 'Navn' })).toBeChecked()
  expect(within(chooser).getByRole('button', { name: 'Flyt Navn ned' })).toBeEnabled()
  expect(within(chooser).getByRole('radio', { name: 'Luftig' })).toBeChecked()
  expect(within(chooser).getByRole('radio', { name: 'Kompakt' })).not.toBeChecked()
  expect(within(chooser).getByRole('group', { name: 'Rækketæthed' })).toBeInTheDocument()
  await user.click(within(chooser).getByRole('button', { name: 'Færdig' }))

  // The primary trunk: its numbers chip, then its drawer.
  await user.type(screen.getByRole('searchbox', { name: 'Søg' }), 'Hovedtrunk')
  // One row left (the table is the same element or a new one): counted cheaply, not by role on every DOM change.
  await waitFor(() => expect(document.querySelectorAll('table[aria-label="SIP-konti"] tbody a')).toHaveLength(1), { timeout: 10_000 })
  table = screen.getByRole('table', { name: 'SIP-konti' })
  expect(within(table).getByRole('button', { name: '3 numre mere' })).toBeInTheDocument()
  expect(within(table).getByText('Fast IP + godkendelse + registrering')).toBeInTheDocument()
  const [link] = within(table).getAllByRole('link')
  expect(link).toHaveTextContent(PRIMARY)
  await user.click(link as HTMLElement)
  const drawer = await screen.findByRole('dialog', { name: PRIMARY }, { timeout: 10_000 })
  const chart = await within(drawer).findByRole(
    'figure',
    { name: 'Udgående minutter til danske numre, nov. 2024 – okt. 2025' },
    { timeout: 10_000 },
  )
  expect(
    within(chart).getAllByRole('img', {
      name: /^(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) 20\d\d: [\d.]+ minutter$/,
    }),
  ).toHaveLength(12)
  expect([...chart.querySelectorAll('svg text')].map((text) => text.textContent)).toContain('jan.')

  for (const section of ['Overblik', 'Forbindelse', 'Opkald', 'Omstilling', 'Fakturering', 'Noter', 'Egne data', 'Taleforbrug']) {
    expect(within(drawer).getByRole('heading', { name: section })).toBeInTheDocument()
  }
  expect(within(drawer).getByText('Konto 1 af 1')).toBeInTheDocument()
  for (const label of ['Forbindelsestype', 'Adgangskode', 'Udlandsopkald', 'Faktureret til og med']) {
    expect(within(drawer).getByText(label, { selector: 'dt' })).toBeInTheDocument()
  }
  expect(
    within(drawer).getByText(
      'Klienten skal være på den faste IP-adresse, skal registrere sig for at modtage opkald og skal godkende sig for at ringe ud.',
    ),
  ).toBeInTheDocument()
  const summary = within(drawer).getByRole('list', { name: 'Kort om kontoen' })
  expect(within(summary).getByText('● Oppe')).toBeInTheDocument()
  expect(within(summary).getByText('Ikke spærret')).toBeInTheDocument()
  for (const button of ['Forrige konto', 'Næste konto', 'Luk', 'Vis adgangskode', 'Kopiér forbindelsesoplysninger', 'Kopiér IP-adresse']) {
    expect(within(drawer).getByRole('button', { name: button })).toBeInTheDocument()
  }

  // The header's switch (its remembered choice) to English: the open drawer and the table behind it follow at once.
  act(() => languagePreference.write('en'))
  expect(await within(drawer).findByRole('heading', { name: 'Overview' })).toBeInTheDocument()
  expect(screen.getByRole('dialog', { name: PRIMARY })).toBe(drawer)
  expect(within(drawer).getByRole('figure', { name: 'Outgoing minutes to Danish numbers, Nov 2024 – Oct 2025' })).toBeInTheDocument()
  expect(within(drawer).getByText('Account 1 of 1')).toBeInTheDocument()
  expect(within(drawer).getByText('Connection type', { selector: 'dt' })).toBeInTheDocument()
  expect(
    within(drawer).getByText(
      'The client must be at the fixed IP address, must register to receive calls and must authenticate to make outbound calls.',
    ),
  ).toBeInTheDocument()
  expect(within(drawer).getByRole('list', { name: 'Account summary' })).toHaveTextContent('● Up')
  expect(within(drawer).getByRole('button', { name: 'Reveal password' })).toBeInTheDocument()
  table = screen.getByRole('table', { name: 'SIP accounts', hidden: true })
  expect(headerNames(table)).toEqual(
    expect.arrayContaining(['Name', 'Numbers', 'Status', 'Active', 'Connection', 'IP address', 'Usage block']),
  )
  expect(within(table).getByText('● Up')).toBeInTheDocument()
  expect(within(table).getByRole('button', { name: '3 more numbers', hidden: true })).toBeInTheDocument()
})
