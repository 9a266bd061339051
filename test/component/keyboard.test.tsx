import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { dataRows, findRows, rangeText, renderApp, search, table } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const nameOf = (row: HTMLElement | undefined) => row?.querySelector('td')?.textContent ?? ''

test('"/" focuses the search from anywhere; typing "/" in the search is just text', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  const box = screen.getByRole('searchbox', { name: 'Search' })
  // The page keys load right after the first rows (a lazy part): until they are here "/" does nothing.
  await waitFor(async () => {
    await user.keyboard('/')
    expect(box).toHaveFocus()
  })
  await user.keyboard('a/b')
  expect(box).toHaveValue('a/b')
})

test('"?" opens the shortcuts dialog, listing every key; Esc closes it and focus goes back', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const [first] = await findRows()
  first?.focus()
  await user.keyboard('?')
  const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
  const rows = within(dialog)
    .getAllByRole('row')
    .map((row) => row.textContent)
  expect(rows).toEqual([
    'KeysAction',
    '/Search',
    '↓ or jNext row',
    '↑ or kPrevious row',
    'EnterOpen the account',
    'EscClose the account or dialog',
    'PageDown or →Next page',
    'PageUp or ←Previous page',
    '?These shortcuts',
  ])
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(first).toHaveFocus()
  // Also reachable without knowing the key.
  await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
  expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument()
})

test('j/k and ↑/↓ move between rows, Enter opens, Esc closes and returns to the row', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  const rows = await findRows()
  await user.click(screen.getByRole('button', { name: 'Refresh' }))
  // From outside the table, j goes to the first row.
  await user.keyboard('j')
  expect(rows[0]).toHaveFocus()
  await user.keyboard('jj')
  expect(rows[2]).toHaveFocus()
  await user.keyboard('k')
  expect(rows[1]).toHaveFocus()
  await user.keyboard('{ArrowDown}')
  expect(rows[2]).toHaveFocus()
  await user.keyboard('{Enter}')
  const dialog = await screen.findByRole('dialog', { name: nameOf(rows[2]) })
  // Keys of the list do nothing while the drawer is open.
  await user.keyboard('j/')
  expect(dialog).toBeInTheDocument()
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  await waitFor(() => expect(dataRows()[2]).toHaveFocus())
})

test('→/PageDown and ←/PageUp change the page; the keyboard stays in the table', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  const rows = await findRows()
  expect(rangeText()).toBe('1–25 of 60')
  rows[3]?.focus()
  await user.keyboard('{ArrowRight}')
  expect(search().get('offset')).toBe('25')
  await waitFor(() => expect(rangeText()).toBe('26–50 of 60'))
  await waitFor(() => expect(dataRows()[0]).toHaveFocus())
  await user.keyboard('{PageDown}')
  await waitFor(() => expect(rangeText()).toBe('51–60 of 60'))
  // The last page: → has nowhere to go.
  await user.keyboard('{ArrowRight}')
  expect(search().get('offset')).toBe('50')
  await user.keyboard('{PageUp}')
  await waitFor(() => expect(rangeText()).toBe('26–50 of 60'))
  await user.keyboard('{ArrowLeft}')
  await waitFor(() => expect(rangeText()).toBe('1–25 of 60'))
  expect(search().get('offset')).toBeNull()
})

test('arrow keys in a field or on the status radios keep their own meaning', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?limit=25' })
  await findRows()
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ab{ArrowLeft}{ArrowRight}')
  expect(search().get('offset')).toBeNull()
  await user.click(screen.getByRole('radio', { name: /^All\b/ }))
  await user.keyboard('{ArrowRight}')
  expect(search().get('offset')).toBeNull()
})

test('rows tell screen readers where they are in the whole list', async () => {
  renderApp(api, { as: 'owner', url: '/?limit=25&offset=25' })
  const rows = await findRows()
  expect(table()).toHaveAttribute('aria-rowcount', '61')
  expect(rows[0]).toHaveAttribute('aria-rowindex', '27')
  expect(rows.at(-1)).toHaveAttribute('aria-rowindex', '51')
})
