import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { createDataColumnHelper, DataTable, FIRST_ROWS } from './data-table.tsx'

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

test('500 rows: the first page-full at once, the rest right after, all reachable', async () => {
  const data = items(500)
  render(<DataTable label="Things" columns={columns} data={data} getRowId={getRowId} />)
  expect(bodyRows().length).toBeGreaterThanOrEqual(FIRST_ROWS)
  await waitFor(() => expect(bodyRows()).toHaveLength(500))
  expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Name', 'Id'])
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

test('a column’s width and min width from its meta go on its header cell (fixed layout reads them there)', () => {
  const sized = helper.columns([
    helper.accessor('name', { header: 'Name', meta: { minWidth: 120 } }),
    helper.accessor('id', { header: 'Id', meta: { width: 84, minWidth: 72 } }),
  ])
  render(<DataTable label="Things" columns={sized} data={items(2)} getRowId={getRowId} />)
  const [name, id] = screen.getAllByRole('columnheader')
  expect(name?.style.width).toBe('')
  expect(name?.style.minWidth).toBe('120px')
  expect(id?.style.width).toBe('84px')
  expect(id?.style.minWidth).toBe('72px')
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
