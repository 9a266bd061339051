import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { cellsOf, findRows, renderApp, rewriteSipRows, search } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const TRUNK = 'Hovedtrunk København'
// Its four numbers (server/seed.ts), as people read them.
const GROUPED = ['+45 70 30 50 50', '+45 70 30 50 51', '+45 70 30 50 52', '+45 80 80 80 80']

async function openList() {
  const view = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  const [row] = await findRows()
  if (!row) throw new Error('no row for the primary trunk')
  return { ...view, row, chip: within(row).getByRole('button', { name: '3 more numbers' }) }
}

const popover = () => screen.queryByRole('dialog', { name: `Numbers of ${TRUNK}` })
/** After a click: on the first open the panel's code may still be on its way (decision 016). */
const openedPopover = () => screen.findByRole('dialog', { name: `Numbers of ${TRUNK}` })

test('the Numbers cell shows the first number, grouped, and a "+3" chip instead of the other three', async () => {
  const { row, chip } = await openList()
  expect(chip).toHaveTextContent('+3')
  const cell = chip.closest('td')
  expect(cell?.textContent).toBe(`${GROUPED[0]}+3`)
  // Closed: the other numbers are not in the row at all (no hidden hover text).
  expect(row.textContent).not.toContain(GROUPED[3])
})

test('a click opens a dialog listing every number, one list item each, grouped; focus moves into it; Esc closes it and focus returns to the chip', async () => {
  const { user, chip } = await openList()
  await user.click(chip)
  const dialog = await openedPopover()
  expect(chip).toHaveAttribute('aria-expanded', 'true')
  expect(dialog).toContainElement(document.activeElement instanceof HTMLElement ? document.activeElement : null)
  expect(
    within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(GROUPED)
  // A popover of the list, not the account drawer.
  expect(search().get('account')).toBeNull()
  expect(screen.getAllByRole('dialog')).toHaveLength(1)

  await user.keyboard('{Escape}')
  expect(popover()).toBeNull()
  expect(chip).toHaveFocus()
  expect(chip).toHaveAttribute('aria-expanded', 'false')
  expect(search().get('account')).toBeNull()
})

test('Enter on the focused chip opens it; clicking inside it opens no drawer; a click outside closes it', async () => {
  const { user, chip } = await openList()
  chip.focus()
  await user.keyboard('{Enter}')
  const dialog = await openedPopover()
  await user.click(within(dialog).getAllByRole('listitem')[1] as HTMLElement)
  expect(popover()).not.toBeNull()
  expect(search().get('account')).toBeNull()

  const searchBox = screen.getByRole('searchbox', { name: 'Search' })
  await user.click(searchBox)
  expect(popover()).toBeNull()
  expect(searchBox).toHaveFocus()
  expect(search().get('account')).toBeNull()
})

test('a tap on the chip (touch) opens the popover, not the drawer; the chip toggles it shut again', async () => {
  const { user, chip } = await openList()
  await user.pointer({ keys: '[TouchA]', target: chip })
  await openedPopover()
  expect(search().get('account')).toBeNull()
  await user.pointer({ keys: '[TouchA]', target: chip })
  expect(popover()).toBeNull()
  expect(search().get('account')).toBeNull()
})

test('keys pressed in the popover stay there: → does not turn the page, Tab out of it closes it', async () => {
  // A page with a next page, so → would turn it if the key reached the list.
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  await findRows()
  const [chip] = screen.getAllByRole('button', { name: /^\d+ more numbers?$/ })
  if (!chip) throw new Error('no row with more than one number on the first page')
  await user.click(chip)
  const dialog = await screen.findByRole('dialog', { name: /^Numbers of / })
  await user.keyboard('{ArrowRight}')
  expect(search().get('offset')).toBeNull()
  expect(dialog).toBeInTheDocument()
  await user.tab()
  await waitFor(() => expect(dialog).not.toBeInTheDocument())
})

test('one extra number is "1 more number"; a single number has no chip; a click elsewhere in the row still opens the drawer', async () => {
  api.server.use(
    rewriteSipRows(api, (rows) =>
      rows.map((row, index) => (index === 0 ? { ...row, numbers: ['+4533079695', '+4533079696'] } : { ...row, numbers: ['+4533079697'] })),
    ),
  )
  const { user } = renderApp(api, { as: 'owner' })
  const [first, second] = await findRows()
  if (!first || !second) throw new Error('fewer than two rows')
  expect(within(first).getByRole('button', { name: '1 more number' })).toHaveTextContent('+1')
  expect(within(second).queryByRole('button')).toBeNull()
  expect(second.textContent).toContain('+45 33 07 96 97')
  await user.click(cellsOf(first)[2] as HTMLElement)
  await waitFor(() => expect(search().get('account')).not.toBeNull())
})

test('a search that matches a later number shows that number in the cell, highlighted; the popover still lists all four', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=80808080' })
  const [row] = await findRows()
  if (!row) throw new Error('no row for the primary trunk')
  const cell = cellsOf(row)[1]
  expect(cell?.textContent).toBe(`${GROUPED[3]}+3`)
  expect(cell?.querySelector('mark')).not.toBeNull()
  await user.click(within(row).getByRole('button', { name: '3 more numbers' }))
  expect(
    within(await openedPopover())
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(GROUPED)
})

test('Tab from the focused row reaches its own chip, not the chips of every other row', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  const rows = await findRows()
  const withChip = rows.filter((row) => within(row).queryByRole('button', { name: /more numbers?$/ }))
  expect(withChip.length).toBeGreaterThan(1)
  const [row, other] = withChip as [HTMLElement, HTMLElement]
  row.focus()
  await waitFor(() => expect(row).toHaveAttribute('tabindex', '0'))
  await user.tab()
  expect(within(row).getByRole('button', { name: /more numbers?$/ })).toHaveFocus()
  expect(within(other).getByRole('button', { name: /more numbers?$/ })).toHaveAttribute('tabindex', '-1')
  await user.keyboard('{Enter}')
  expect(screen.getByRole('dialog', { name: /^Numbers of / })).toBeInTheDocument()
})
