import { fireEvent, screen, waitFor } from '@testing-library/react'
import { expect, onTestFinished, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { DOUBLE_CLICK_MS } from '../../src/components/data-table-row.tsx'
import { advance, installFakeClock } from './fake-clock.ts'
import { cellsOf, columnNames, dataRows, findRows, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const VIEW_V1 = 'telecomx:sip-list-view:v1'
const VIEW_V2 = 'telecomx:sip-list-view:v2'
/** The version this build writes. */
const VIEW_CURRENT = 'telecomx:sip-list-view:v3'

const separator = (label: string) => screen.getByRole('separator', { name: `Resize ${label}` })
const header = (label: string) => {
  const th = screen.getAllByRole('columnheader').find((cell) => cell.textContent === label)
  if (!th) throw new Error(`no column ${label}`)
  return th
}

test('keyboard: a column edge is a focusable separator; ←/→ change the width, never below the minimum', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const name = separator('Name')
  expect(name).toHaveAttribute('aria-orientation', 'vertical')
  expect(name).toHaveAttribute('aria-valuenow', '280')
  expect(name).toHaveAttribute('aria-valuemin', '120')
  expect(header('Name').style.width).toBe('280px')
  name.focus()
  await user.keyboard('{ArrowRight}')
  expect(name).toHaveAttribute('aria-valuenow', '290')
  expect(header('Name').style.width).toBe('290px')
  await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}')
  expect(name).toHaveAttribute('aria-valuenow', '120')
  await user.keyboard('{ArrowLeft}')
  expect(name).toHaveAttribute('aria-valuenow', '120')
  // The arrows resized the column; they did not also turn the page (←/→ are page keys elsewhere).
  expect(window.location.search).not.toContain('offset')
})

test('mouse: dragging a column edge resizes it, and the table is as wide as its columns', async () => {
  renderApp(api, { as: 'owner' })
  await findRows()
  const ip = separator('IP address')
  expect(ip).toHaveAttribute('aria-valuenow', '140')
  const tableWidth = () => Number.parseFloat(screen.getByRole('table', { name: 'SIP accounts' }).style.width)
  const before = tableWidth()
  // The handle captures the pointer, so the moves and the release come to it (jsdom has no
  // pointer capture: a no-op stands in).
  Object.defineProperty(Element.prototype, 'setPointerCapture', { configurable: true, value: () => undefined })
  onTestFinished(() => {
    Reflect.deleteProperty(Element.prototype, 'setPointerCapture')
  })
  fireEvent.pointerDown(ip, { pointerId: 1, button: 0, clientX: 500 })
  fireEvent.pointerMove(ip, { pointerId: 1, clientX: 530 })
  expect(ip).toHaveAttribute('aria-valuenow', '170')
  fireEvent.pointerMove(ip, { pointerId: 1, clientX: 560 })
  fireEvent.pointerUp(ip, { pointerId: 1, clientX: 560 })
  expect(ip).toHaveAttribute('aria-valuenow', '200')
  expect(header('IP address').style.width).toBe('200px')
  expect(tableWidth()).toBe(before + 60)
  // A move after the release changes nothing; dragging far to the left stops at the minimum.
  fireEvent.pointerMove(ip, { pointerId: 1, clientX: 900 })
  expect(ip).toHaveAttribute('aria-valuenow', '200')
  fireEvent.pointerDown(ip, { pointerId: 2, button: 0, clientX: 500 })
  fireEvent.pointerUp(ip, { pointerId: 2, clientX: 0 })
  expect(ip).toHaveAttribute('aria-valuenow', '120')
})

test('widths are remembered with the view: a reload shows the same widths', async () => {
  const first = renderApp(api, { as: 'owner' })
  await findRows()
  separator('Username').focus()
  await first.user.keyboard('{ArrowRight}{ArrowRight}')
  expect(JSON.parse(localStorage.getItem(VIEW_CURRENT) ?? '{}')).toMatchObject({ widths: { username: 172 } })
  first.unmount()

  renderApp(api, { as: 'owner' })
  await findRows()
  expect(separator('Username')).toHaveAttribute('aria-valuenow', '172')
  expect(header('Username').style.width).toBe('172px')
})

test('a view stored by the previous version (v1, no widths) still loads: its columns and density, default widths', async () => {
  localStorage.setItem(
    VIEW_V1,
    JSON.stringify({
      columns: [
        { id: 'name', visible: true },
        { id: 'ipAddress', visible: true },
        { id: 'numbers', visible: false },
      ],
      density: 'compact',
    }),
  )
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const names = columnNames()
  expect(names.slice(0, 2)).toEqual(['Name', 'IP address'])
  expect(names).not.toContain('Numbers')
  expect(screen.getByRole('table', { name: 'SIP accounts' }).closest('.table-scroll')).toHaveClass('is-compact')
  expect(separator('IP address')).toHaveAttribute('aria-valuenow', '140')
  // The first change writes the new version, keeping the old view's choices.
  separator('IP address').focus()
  await user.keyboard('{ArrowRight}')
  expect(JSON.parse(localStorage.getItem(VIEW_CURRENT) ?? '{}')).toMatchObject({ density: 'compact', widths: { ipAddress: 150 } })
  expect(columnNames().slice(0, 2)).toEqual(['Name', 'IP address'])
})

test('Name stays the first column (pinned left) whatever the stored order', async () => {
  localStorage.setItem(
    VIEW_V2,
    JSON.stringify({
      columns: [
        { id: 'username', visible: true },
        { id: 'name', visible: true },
      ],
      density: 'comfortable',
      widths: {},
    }),
  )
  renderApp(api, { as: 'owner' })
  const [row] = await findRows()
  expect(columnNames().slice(0, 2)).toEqual(['Name', 'Username'])
  expect(header('Name')).toHaveClass('is-pinned')
  expect(cellsOf(row ?? document.body)[0]).toHaveClass('is-pinned')
})

function selectText(node: Node) {
  const range = document.createRange()
  range.selectNodeContents(node)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
}

test('selecting text in a row opens nothing; a plain click opens the drawer', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const row = dataRows().find((candidate) => candidate.textContent.includes('77.66.100.10'))
  const ip = row ? cellsOf(row).find((cell) => cell.textContent === '77.66.100.10') : undefined
  if (!ip) throw new Error('no row with the IP 77.66.100.10')
  // A drag (or double-click) that selected the IP: the click that ends it opens nothing.
  selectText(ip)
  fireEvent.click(ip, { detail: 1 })
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(window.location.search).not.toContain('account=')
  // The second click of a double-click neither.
  window.getSelection()?.removeAllRanges()
  fireEvent.click(ip, { detail: 2 })
  expect(window.location.search).not.toContain('account=')
  // A pointer that moved between press and release was dragging.
  fireEvent.mouseDown(ip, { clientX: 10, clientY: 10 })
  fireEvent.click(ip, { clientX: 60, clientY: 12, detail: 1 })
  expect(window.location.search).not.toContain('account=')

  await user.click(ip)
  expect(await screen.findByRole('dialog', { name: 'Hovedtrunk København' })).toBeInTheDocument()
})

test('a double-click selects a word and opens nothing, not even by its first click', async () => {
  installFakeClock()
  onTestFinished(() => void vi.useRealTimers())
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  const row = dataRows().find((candidate) => candidate.textContent.includes('77.66.100.10'))
  const ip = row ? cellsOf(row).find((cell) => cell.textContent === '77.66.100.10') : undefined
  if (!ip) throw new Error('no row with the IP 77.66.100.10')
  await user.dblClick(ip)
  await advance(DOUBLE_CLICK_MS * 2)
  expect(window.location.search).not.toContain('account=')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  // One click, once the double-click window has passed, opens it.
  await user.click(ip)
  await advance(DOUBLE_CLICK_MS)
  expect(await screen.findByRole('dialog', { name: 'Hovedtrunk København' })).toBeInTheDocument()
})

test('the name is a real link to the row’s URL (this list, with the account open); a plain click opens the drawer in place', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?filter=Hovedtrunk' })
  await findRows()
  // The searched part is marked inside the name, so the name is matched, not compared.
  const link = screen.getByRole('link', { name: /Hovedtrunk.*København/ })
  const href = new URLSearchParams(link.getAttribute('href') ?? '')
  expect(href.get('filter')).toBe('Hovedtrunk')
  expect(href.get('account')).toMatch(/^[0-9a-f]{24}$/)
  const pushes = vi.spyOn(window.history, 'pushState')
  onTestFinished(() => pushes.mockRestore())
  await user.click(link)
  expect(await screen.findByRole('dialog', { name: 'Hovedtrunk København' })).toBeInTheDocument()
  // Opened by the app (one history entry, same document), not by following the link.
  expect(new URLSearchParams(window.location.search).get('account')).toBe(href.get('account'))
  expect(pushes).toHaveBeenCalledTimes(1)
})

test('a cell cut short shows its whole text on hover (title)', async () => {
  renderApp(api, { as: 'owner' })
  await findRows()
  const [row] = dataRows()
  const cell = row ? cellsOf(row)[0] : undefined
  if (!cell) throw new Error('no cell')
  // jsdom has no layout: this cell's content is wider than the cell.
  Object.defineProperty(cell, 'scrollWidth', { configurable: true, value: 500 })
  Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 100 })
  fireEvent.mouseOver(cell)
  await waitFor(() => expect(cell).toHaveAttribute('title', cell.textContent.trim()))
})
