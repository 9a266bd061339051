import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { createStore } from '../../server/store.ts'
import { activate } from '../../src/lib/i18n.ts'
import { setupReferenceApi } from '../reference-api.ts'
import { installFakeClock } from './fake-clock.ts'
import { renderApp } from './render-app.tsx'

/*
 * Export, Changes and Down by customer in Danish (issue #14, decision 049): the export dialog
 * picks the semicolon for a Danish page and the file has Danish headers (codes stay codes);
 * Komma gives the comma file from the same walk; the Changes button, row mark, announcement,
 * panel and notification speak Danish, and English comes back with the switch; Down by
 * customer's view counts in Danish.
 */

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 45_000 })
// The lazy chunks are transformed once up front: a cold transform takes seconds.
beforeAll(
  () =>
    Promise.all([
      import('../../src/locales/da.ts'),
      import('../../src/features/sip-accounts/export/export-dialog.tsx'),
      import('../../src/features/sip-accounts/changes/changes-panel.tsx'),
    ]),
  60_000,
)

/*
 * The browser's side of a download, as in export.test.tsx: the Blob behind each URL, each
 * <a download> click. The href is read as written: jsdom keeps an anchor's first blob: URL in
 * `link.href` after the attribute changes (browsers do not).
 */
const files = new Map<string, Blob>()
const downloads: { href: string; name: string }[] = []
const onClick = (event: MouseEvent) => {
  const link = event.target instanceof Element ? event.target.closest('a[download]') : null
  if (!(link instanceof HTMLAnchorElement)) return
  event.preventDefault()
  downloads.push({ href: link.getAttribute('href') ?? '', name: link.download })
}

beforeEach(() => {
  localStorage.setItem('telecomx:language:v1', JSON.stringify('da'))
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (!(blob instanceof Blob)) throw new Error('not a blob')
    const url = `blob:test/${files.size}`
    files.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => {}
  document.addEventListener('click', onClick, true)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.removeEventListener('click', onClick, true)
  files.clear()
  downloads.length = 0
  localStorage.clear()
  activate('en', undefined)
})

/** The CSV lines of the nth download (header first), BOM dropped. */
async function downloadedLines(nth: number): Promise<string[]> {
  await waitFor(() => expect(downloads.length).toBeGreaterThan(nth), { timeout: 20_000 })
  const blob = files.get(downloads[nth]?.href ?? '')
  if (!blob) throw new Error('no file behind the download')
  const text = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('no text')))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsText(blob)
  })
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
}

test('Danish export: Semikolon by default, a ; file with Danish headers and codes as codes; Komma gives the , file', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?up=false' })
  const button = await screen.findByRole('button', { name: 'Eksportér CSV' }, { timeout: 20_000 })
  await waitFor(() => expect(button).toBeEnabled())
  await user.click(button)
  const dialog = await screen.findByRole('dialog', { name: 'Eksportér CSV' })
  const separator = within(dialog).getByRole('group', { name: 'Skilletegn' })
  expect(within(separator).getByRole('radio', { name: 'Semikolon (;)' })).toBeChecked()
  expect(within(separator).getByRole('radio', { name: 'Komma (,)' })).not.toBeChecked()

  const rows = await downloadedLines(0)
  expect(downloads[0]?.name).toMatch(/^sip-konti_.+_nede_\d{4}-\d{2}-\d{2}\.csv$/)
  expect(within(dialog).getByRole('status')).toHaveTextContent(/^Eksporterede \d+ kont[oi] til sip-konti_.+\.csv\.$/)
  expect(rows[0]).toBe('Navn;Numre;Status;Aktiv;Forbindelse;IP-adresse;Brugernavn;Prisplan;Omstilling;Forbrugsspærring')
  expect(rows.length).toBeGreaterThan(1)
  // Codes stay codes (OFF, not Nede); numbers stay E.164, escaped as text.
  expect(rows.slice(1).every((row) => row.split(';')[2] === 'OFF')).toBe(true)
  expect(rows.slice(1).some((row) => row.includes(";'+45"))).toBe(true)

  // The other separator: no new walk and no download by itself; the link hands over the comma file.
  await user.click(within(separator).getByRole('radio', { name: 'Komma (,)' }))
  expect(downloads).toHaveLength(1)
  await user.click(within(dialog).getByRole('link', { name: /^Hent sip-konti_.+\.csv igen$/ }))
  const commaRows = await downloadedLines(1)
  expect(commaRows[0]).toBe('Navn,Numre,Status,Aktiv,Forbindelse,IP-adresse,Brugernavn,Prisplan,Omstilling,Forbrugsspærring')
  expect(commaRows).toHaveLength(rows.length)
})

/** An account on the page that is up and not a PBX trunk (they have no status), with its row. */
function upRow(): { id: string; name: string; row: HTMLElement } {
  const statusOf = api.db.prepare<[string], { status: string; pbx: number }>('SELECT status, pbx FROM sip_accounts WHERE id = ?')
  for (const row of document.querySelectorAll<HTMLElement>('table[aria-label="SIP-konti"] tbody tr[data-row-id]')) {
    const id = row.dataset.rowId ?? ''
    const account = statusOf.get(id)
    if (account?.status === 'ON' && account.pbx === 0) return { id, name: row.querySelector('td .row-link')?.textContent ?? '', row }
  }
  throw new Error('no trunk up on the page')
}

test('Changes in Danish: the button, the mark, the announcement, the panel and the notification; English again after the switch', async () => {
  const shown: { title: string; body: string | undefined }[] = []
  class FakeNotification {
    static permission: NotificationPermission = 'granted'
    static requestPermission = () => Promise.resolve<NotificationPermission>('granted')
    onclick: (() => void) | null = null
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body })
    }
    close() {}
  }
  vi.stubGlobal('Notification', FakeNotification)
  installFakeClock()
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  const changes = await screen.findByRole('button', { name: 'Ændringer' }, { timeout: 20_000 })
  await waitFor(() => expect(document.querySelector('table[aria-label="SIP-konti"] tbody tr[data-row-id]')).not.toBeNull())

  // Notify me first (a click, as the browser requires), then a trunk goes down.
  await user.click(changes)
  let panel = await screen.findByRole('dialog', { name: 'Statusændringer' })
  expect(within(panel).getByText('Ingen statusændringer set endnu.')).toBeInTheDocument()
  await user.click(within(panel).getByRole('button', { name: 'Giv mig besked' }))
  await within(panel).findByText(/^Notifikationer er slået til/)
  await user.click(within(panel).getByRole('button', { name: 'Luk' }))

  const trunk = upRow()
  createStore(api.db).setStatus(trunk.id, 'OFF')
  try {
    await user.click(screen.getByRole('button', { name: 'Opdatér' }))
    await waitFor(() => expect(changes).toHaveAccessibleName('Ændringer 1 gik ned'))
    expect(screen.getByText(`Status ændret: ${trunk.name} er nu nede.`)).toHaveAttribute('role', 'status')
    expect(within(trunk.row).getByText('Gik ned')).toBeInTheDocument()
    expect(shown).toEqual([
      { title: `${trunk.name} gik ned`, body: expect.stringMatching(/^Set kl\. \d\d\.\d\d af oversigten over SIP-konti$/) },
    ])

    await user.click(changes)
    panel = await screen.findByRole('dialog', { name: 'Statusændringer' })
    const table = within(panel).getByRole('table', { name: 'Statusændringer, nyeste først' })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Set', 'Konto', 'Ændring'])
    const [entry] = within(table).getAllByRole('row').slice(1)
    expect(entry).toHaveTextContent(/^\d\d\.\d\d Ny/)
    expect(entry).toHaveTextContent('Oppe → Nede')
    expect(within(panel).getByRole('button', { name: 'Markér alle som set' })).toBeEnabled()

    // The switch, with the panel open: English at once, the mark and the count too.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sprog' }), 'English')
    await within(panel).findByRole('button', { name: 'Mark all as seen' })
    expect(panel).toHaveAccessibleName('Status changes')
    expect(entry).toHaveTextContent('Up → Down')
    expect(entry).toHaveTextContent(/^\d\d:\d\d New/)
    await user.click(within(panel).getByRole('button', { name: 'Close' }))
    expect(changes).toHaveAccessibleName('Changes 1 went down')
    expect(within(trunk.row).getByText('Went down')).toBeInTheDocument()
  } finally {
    createStore(api.db).setStatus(trunk.id, 'ON')
  }
})

test('Down by customer in Danish: the view, its summary with plurals and its table', async () => {
  renderApp(api, { as: 'dansk', url: '/?view=down' })
  const heading = await screen.findByRole('heading', { name: 'Nede pr. kunde' }, { timeout: 20_000 })
  await waitFor(() => expect(heading).toHaveFocus())
  expect(screen.getByRole('link', { name: 'Tilbage til listen' })).toBeInTheDocument()
  expect(screen.getByRole('switch', { name: 'Kun aktive' })).not.toBeChecked()
  expect(screen.getByText(/^Nede trunks i alle dine kunder, talt over dem alle\./)).toBeInTheDocument()
  await waitFor(() =>
    expect(screen.getByText(/^\d+ nede trunks? hos \d+ kunder?\./)).toHaveTextContent(
      /^(1 nede trunk|\d+ nede trunks) hos (1 kunde|\d+ kunder)\./,
    ),
  )
  expect(screen.getByText(/^Beregnet (lige nu|for \d+ sekunde?r? siden)$/)).toBeInTheDocument()
  const table = screen.getByRole('table', { name: 'Nede pr. kunde' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent),
  ).toEqual(['Kunde', 'Nede trunks'])
  expect(screen.getByRole('button', { name: 'Opdatér' })).toBeEnabled()
  // Done when the customers have their names (the bulk lookup has answered).
  await waitFor(() => expect(within(table).queryByText(/^ID …/)).toBeNull())
})
