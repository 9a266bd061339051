import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { createDataColumnHelper, DataTable, VIRTUAL_ABOVE } from './data-table.tsx'

interface Item {
  id: string
  name: string
}

let cellRenders = 0
const helper = createDataColumnHelper<Item>()
const columns = helper.columns([
  helper.accessor('name', {
    header: 'Name',
    cell: (info) => {
      cellRenders += 1
      return info.getValue()
    },
  }),
  helper.accessor('id', { header: 'Id' }),
])
const items = (count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `id-${i}`, name: `Row ${i}` }))
const getRowId = (item: Item) => item.id
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1)
/** Cheaper than by role: jsdom computes every row's name for a role query. */
const renderedRows = () => document.querySelectorAll('tbody tr[data-row-id]').length
const row = (id: string) => {
  const element = document.querySelector<HTMLElement>(`tr[data-row-id="${id}"]`)
  if (!element) throw new Error(`no row ${id}`)
  return element
}

test('500 rows: only the rows in view are rendered, each with its place in the whole list', async () => {
  const data = items(500)
  render(<DataTable label="Things" columns={columns} data={data} getRowId={getRowId} totalRows={1200} firstRowIndex={500} />)
  // Until the virtualizer's code has loaded, the first 100; then a window's worth (jsdom: 768 px).
  await waitFor(() => expect(renderedRows()).toBeLessThan(50), { timeout: 15_000 })
  await waitFor(() => expect(renderedRows()).toBeGreaterThan(10))
  expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '1201')
  expect(row('id-0')).toHaveAttribute('aria-rowindex', '502')
  expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Name', 'Id'])
}, 20_000)

test(`pages of up to ${VIRTUAL_ABOVE} rows render whole`, () => {
  render(<DataTable label="Things" columns={columns} data={items(VIRTUAL_ABOVE)} getRowId={getRowId} />)
  expect(renderedRows()).toBe(VIRTUAL_ABOVE)
})

test('re-rendering with the same rows (e.g. dimmed while the next page loads) re-renders no row', () => {
  const data = items(50)
  const { rerender } = render(<DataTable label="Things" columns={columns} data={data} getRowId={getRowId} />)
  cellRenders = 0
  rerender(<DataTable label="Things" columns={columns} data={data} getRowId={getRowId} stale />)
  expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
  expect(cellRenders).toBe(0)
})

test('the rows are one Tab stop; arrows move between them; Enter and Space open', async () => {
  const opened: string[] = []
  const user = userEvent.setup()
  render(
    <>
      <button type="button">before</button>
      <DataTable label="Things" columns={columns} data={items(3)} getRowId={getRowId} onRowOpen={(item) => opened.push(item.id)} />
      <button type="button">after</button>
    </>,
  )
  await user.click(screen.getByRole('button', { name: 'before' }))
  // First the column edges (one per column), then the rows as one stop.
  await user.tab()
  expect(screen.getByRole('separator', { name: 'Resize Name' })).toHaveFocus()
  await user.tab()
  expect(screen.getByRole('separator', { name: 'Resize Id' })).toHaveFocus()
  await user.tab()
  expect(bodyRows()[0]).toHaveFocus()
  await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
  expect(bodyRows()[2]).toHaveFocus()
  await user.keyboard('{ArrowUp} ')
  expect(opened).toEqual(['id-2', 'id-1'])
  await user.tab()
  expect(screen.getByRole('button', { name: 'after' })).toHaveFocus()
  // Coming back lands on the row last focused, not the first one.
  await user.tab({ shift: true })
  expect(bodyRows()[1]).toHaveFocus()
})

test('a column’s size goes on its header cell and the table is exactly as wide as its columns', () => {
  const sized = helper.columns([
    helper.accessor('name', { header: 'Name', meta: { minSize: 120 } }),
    helper.accessor('id', { header: 'Id', meta: { size: 84, minSize: 72 } }),
  ])
  render(<DataTable label="Things" columns={sized} data={items(2)} getRowId={getRowId} />)
  const [name, id] = screen.getAllByRole('columnheader')
  // No size: the default of 150 px (TanStack Table's).
  expect(name?.style.width).toBe('150px')
  expect(id?.style.width).toBe('84px')
  expect(screen.getByRole('table').style.width).toBe('234px')
})

test('no rows: the empty content, outside the table body; loading: skeleton rows hidden from readers', () => {
  const { rerender } = render(<DataTable label="Things" columns={columns} data={[]} getRowId={getRowId} empty={<p>Nothing here</p>} />)
  expect(screen.getByText('Nothing here')).toBeInTheDocument()
  expect(bodyRows()).toHaveLength(0)
  rerender(<DataTable label="Things" columns={columns} data={[]} getRowId={getRowId} skeletonRows={5} empty={<p>Nothing here</p>} />)
  expect(screen.queryByText('Nothing here')).not.toBeInTheDocument()
  expect(bodyRows()).toHaveLength(0)
  expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true')
})
