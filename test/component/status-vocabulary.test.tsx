import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { cellsOf, dataRows, findRows, rangeText, renderApp, rewriteSipRows, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

// Default columns: Name, Numbers, Status, Active, …
const statusCell = (row: HTMLElement) => cellsOf(row)[2]
const activeCell = (row: HTMLElement) => cellsOf(row)[3]
const total = () => Number(/of ([\d,]+)/.exec(rangeText())?.[1]?.replace(/,/g, '') ?? NaN)

test('badges and the filter use the same words, Up and Down; the API code ON/OFF is in the tooltip', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const group = screen.getByRole('radiogroup', { name: 'Status' })
  // The Up and Down counts come from their own small requests, beside the list's.
  await waitFor(() =>
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual([expect.stringMatching(/^All [\d,]+$/), expect.stringMatching(/^Up [\d,]+$/), expect.stringMatching(/^Down [\d,]+$/)]),
  )
  for (const row of rows) {
    const cell = statusCell(row)
    expect(cell?.textContent).not.toMatch(/\bON\b|\bOFF\b/)
  }
  const up = rows.map(statusCell).find((cell) => cell?.textContent === '● Up')
  const down = rows.map(statusCell).find((cell) => cell?.textContent === '○ Down')
  expect(up?.firstElementChild).toHaveAttribute('title', expect.stringContaining('ON'))
  expect(down?.firstElementChild).toHaveAttribute('title', expect.stringContaining('OFF'))

  // Filtering on Up shows only badges that say Up.
  await user.click(within(group).getByRole('radio', { name: /^Up\b/ }))
  await waitFor(() => expect(search().get('up')).toBe('true'))
  await waitFor(() => expect(dataRows().every((row) => statusCell(row)?.textContent === '● Up')).toBe(true))
})

test('PBX trunks: an explained "PBX" badge, and the filter says All = Up + Down + PBX trunks; the counts add up', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  const group = screen.getByRole('radiogroup', { name: 'Status' })
  const pbx = rows.filter((row) => statusCell(row)?.textContent === 'PBX')
  expect(pbx.length).toBeGreaterThan(1)
  // The counts say how many PBX trunks All holds besides Up and Down (decision 043).
  await waitFor(() => expect(group).toHaveAccessibleDescription(`All = Up + Down + ${pbx.length} PBX trunks without status`))
  for (const row of pbx)
    expect(within(statusCell(row) as HTMLElement).getByText('PBX')).toHaveAttribute('title', 'Hosted PBX trunk: has no SIP status')

  // The demo customer fits on one page: All = Up + Down + the PBX trunks shown.
  const all = total()
  expect(rows).toHaveLength(all)
  await user.click(within(group).getByRole('radio', { name: /^Up\b/ }))
  await waitFor(() => expect(rangeText()).not.toContain(` of ${all}`))
  const up = total()
  await user.click(within(group).getByRole('radio', { name: /^Down\b/ }))
  await waitFor(() => expect(rangeText()).not.toContain(` of ${up}`))
  expect(up + total() + pbx.length).toBe(all)
})

test('an inactive trunk is labelled "Inactive" (tooltip: the API value) and its row is marked for dimming; active ones are not', async () => {
  api.server.use(rewriteSipRows(api, (rows) => rows.map((row, index) => ({ ...row, active: index !== 1 }))))
  renderApp(api, { as: 'owner' })
  const [first, second] = await findRows()
  if (!first || !second) throw new Error('fewer than two rows')
  const label = within(activeCell(second) as HTMLElement).getByText('Inactive')
  expect(label).toHaveClass('badge')
  expect(label).toHaveAttribute('title', 'active = false')
  expect(second.matches(':has(.inactive-row)')).toBe(true)
  expect(activeCell(first)).toHaveTextContent('Yes')
  expect(within(first).queryByText('Inactive')).toBeNull()
  expect(first.matches(':has(.inactive-row)')).toBe(false)
  // The name cell still holds exactly the name (the marker is empty).
  expect(cellsOf(second)[0]?.textContent).not.toContain('Inactive')
})

test('a usage-blocked trunk has a Blocked badge in its row and "Usage blocked" at the top of its drawer', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Lager%20Kolding' })
  const [row] = await findRows()
  if (!row) throw new Error('no blocked trunk')
  expect(within(row).getByText(/Blocked/)).toHaveClass('badge-warning')
  await user.click(row)
  const dialog = await screen.findByRole('dialog', { name: 'Lager Kolding (spærret)' })
  const notice = await within(dialog).findByText('Usage blocked')
  // First thing in the drawer's body: before the Overview section.
  const overview = within(dialog).getByRole('heading', { name: 'Overview' })
  expect(notice.compareDocumentPosition(overview) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})

test('an account with neither flag has no notice in its drawer', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  await user.click(row as HTMLElement)
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' })
  await within(dialog).findByRole('heading', { name: 'Overview' })
  expect(within(dialog).queryByText('Usage blocked')).toBeNull()
  expect(within(dialog).queryByRole('list', { name: 'Account warnings' })).toBeNull()
})
