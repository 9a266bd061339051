import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { activate } from '../../src/lib/i18n.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { renderApp } from './render-app.tsx'

/*
 * The list in Danish (issue #14): the toolbar, the Status filter with Danish counts, the range,
 * the live status, the shortcuts dialog, an empty search and a link's notice; then the switch back
 * to English restores the English names. dansk@ is a reseller whose language is `da`; enough
 * accounts that the counts need grouping ("1.234").
 */

const api = setupReferenceApi({ accounts: 2000 })
vi.setConfig({ testTimeout: 45_000 })

afterEach(() => {
  localStorage.clear()
  activate('en', undefined)
})

/** A count with Danish grouping: "1.234" (a dot every three digits). */
const DANISH_GROUPED = String.raw`\d{1,3}\.\d{3}`
const ENGLISH_GROUPED = String.raw`\d{1,3},\d{3}`

/** render-app.tsx's findRows, for the Danish table: rows shown and the pickers' stand-ins replaced. */
async function findDanishRows() {
  await waitFor(
    () => {
      if (!document.querySelector('table[aria-label="SIP-konti"] > tbody > tr:not([aria-hidden="true"]) > td'))
        throw new Error('no rows yet')
      if (document.querySelector('[data-stand-in]')) throw new Error('a stand-in still waits for its code')
    },
    { timeout: 20_000 },
  )
}

test('the list speaks Danish (toolbar, Status counts, range, shortcuts) and English again after the switch', async () => {
  // 25 rows a page: a smaller table keeps the role queries cheap.
  const { user } = renderApp(api, { as: 'dansk', url: '/?limit=25' })
  await findDanishRows()
  expect(screen.getByRole('heading', { level: 1, name: 'SIP-konti' })).toBeInTheDocument()

  const box = screen.getByRole('searchbox', { name: 'Søg' })
  expect(box).toHaveAttribute('placeholder', 'Navn, nummer, IP-adresse, brugernavn eller noter')
  expect(screen.getByRole('combobox', { name: 'Kunde' })).toHaveAttribute('placeholder', 'Alle kunder')
  expect(screen.getByRole('combobox', { name: 'Forhandler' })).toHaveAttribute('placeholder', 'Alle forhandlere')
  expect(screen.getByRole('button', { name: 'Vis min egen kunde' })).toBeInTheDocument()

  // Status: Alle / Oppe / Nede, each with its count in Danish grouping; the note counts the PBX trunks.
  const group = screen.getByRole('radiogroup', { name: 'Status' })
  await waitFor(() => expect(within(group).getByRole('radio', { name: new RegExp(`^Alle ${DANISH_GROUPED}$`) })).toBeChecked())
  await waitFor(() => {
    expect(within(group).getByRole('radio', { name: /^Oppe [\d.]+$/ })).not.toBeChecked()
    expect(within(group).getByRole('radio', { name: /^Nede [\d.]+$/ })).not.toBeChecked()
  })
  await waitFor(() => expect(group).toHaveAccessibleDescription(/^Alle = Oppe \+ Nede \+ [\d.]+ PBX-trunks? uden status$/))

  // The range, the live status and the actions.
  const range = screen.getAllByRole('status').find((status) => status.textContent.includes(' af '))
  expect(range?.textContent).toMatch(new RegExp(`^1–25 af ${DANISH_GROUPED}$`))
  expect(screen.getByText(/^Opdateret (lige nu|for \d+ sekunde?r? siden)$/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Opdatér' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Kolonner' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Eksportér CSV' })).toBeEnabled()

  // The shortcuts dialog, every key's action in Danish.
  await user.click(screen.getByRole('button', { name: 'Tastaturgenveje' }))
  const dialog = await screen.findByRole('dialog', { name: 'Tastaturgenveje' })
  const shortcuts = within(dialog).getByRole('table', { name: 'Taster, og hvad de gør' })
  expect(
    within(shortcuts)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Taster', 'Handling'])
  expect(
    within(shortcuts)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent),
  ).toEqual([
    '/Søg',
    '↓ eller jNæste række',
    '↑ eller kForrige række',
    'EnterÅbn kontoen',
    'EscLuk kontoen eller dialogen',
    'PageDown eller →Næste side',
    'PageUp eller ←Forrige side',
    '?Disse genveje',
  ])
  await user.click(within(dialog).getByRole('button', { name: 'Luk' }))

  // Back to English through the header's switch: the same elements carry their English names at once.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Sprog' }), 'en')
  await screen.findByRole('table', { name: 'SIP accounts' })
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveAttribute('placeholder', 'Name, number, IP address, username or notes')
  const english = screen.getByRole('radiogroup', { name: 'Status' })
  expect(within(english).getByRole('radio', { name: new RegExp(`^All ${ENGLISH_GROUPED}$`) })).toBeChecked()
  expect(within(english).getByRole('radio', { name: /^Up [\d,]+$/ })).toBeInTheDocument()
  expect(english).toHaveAccessibleDescription(/^All = Up \+ Down \+ [\d,]+ PBX trunks? without status$/)
  expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Show my own customer' })).toBeInTheDocument()
  expect(screen.getByText(new RegExp(`^1–25 of ${ENGLISH_GROUPED}$`))).toBeInTheDocument()
})

test('an empty search and a link’s bad value are explained in Danish', async () => {
  const { user } = renderApp(api, { as: 'dansk', url: '/?filter=zzqqxxnomatch&up=maybe' })
  expect(await screen.findByText('Ingen konto passer til »zzqqxxnomatch«', {}, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText('Tjek stavningen, eller søg på en del af et nummer, en IP-adresse eller et brugernavn.')).toBeInTheDocument()
  expect(screen.getByText('Linket havde værdier, der ikke kunne bruges, som de var:')).toBeInTheDocument()
  expect(screen.getByText('Status »maybe« er hverken Oppe eller Nede, så alle konti vises.')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Ryd søgning' }))
  await findDanishRows()
  expect(screen.getByRole('searchbox', { name: 'Søg' })).toHaveFocus()
})
