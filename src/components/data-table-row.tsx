import { FlexRender, type Row, type RowData } from '@tanstack/react-table'
import { memo, type KeyboardEvent } from 'react'
import type { DataTableFeatures } from './data-table.tsx'

type Features = DataTableFeatures

export interface DataRowProps<TData extends RowData> {
  row: Row<Features, TData>
  /** Not read here either: new columns (chosen, reordered) must re-render the memoised row. */
  columns: unknown
  tabbable: boolean
  selected: boolean
  /** Drawn attention to for a moment (a status that just changed). */
  flashed: boolean
  /** aria-rowindex: the row's place in the whole result set, header = 1. */
  rowIndex: number | undefined
  onOpen: ((row: TData, index: number) => void) | undefined
  onIntent: ((row: TData, index: number) => void) | undefined
  onFocusRow: (id: string) => void
}

const NEXT_KEYS = new Set(['ArrowDown', 'j'])
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k'])

function DataRowInner<TData extends RowData>(props: DataRowProps<TData>) {
  const { row, tabbable, selected, flashed, rowIndex, onOpen, onIntent, onFocusRow } = props
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const sibling = NEXT_KEYS.has(event.key)
      ? event.currentTarget.nextElementSibling
      : PREVIOUS_KEYS.has(event.key)
        ? event.currentTarget.previousElementSibling
        : null
    if (sibling instanceof HTMLElement) {
      event.preventDefault()
      sibling.focus()
    } else if (NEXT_KEYS.has(event.key) || PREVIOUS_KEYS.has(event.key)) {
      // At the first or last row: no wrap-around, and the page does not scroll instead.
      event.preventDefault()
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen?.(row.original, row.index)
    }
  }
  return (
    <tr
      data-row-id={row.id}
      tabIndex={tabbable ? 0 : -1}
      aria-rowindex={rowIndex}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected ? '' : undefined}
      className={[onOpen ? 'is-interactive' : '', flashed ? 'is-flashed' : ''].filter(Boolean).join(' ') || undefined}
      onClick={onOpen ? () => onOpen(row.original, row.index) : undefined}
      onKeyDown={onKeyDown}
      onMouseEnter={onIntent ? () => onIntent(row.original, row.index) : undefined}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return
        onFocusRow(row.id)
        onIntent?.(row.original, row.index)
      }}
    >
      {row.getAllCells().map((cell) => (
        <td key={cell.id} className={cell.column.columnDef.meta?.className}>
          <FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
}

// memo loses the generic; the cast restores it (the props are the same).
export const DataRow = memo(DataRowInner) as typeof DataRowInner

export function SkeletonRows({ rows, columns }: { rows: number; columns: number }) {
  return Array.from({ length: rows }, (_, row) => (
    <tr key={row} className="skeleton-row" aria-hidden="true">
      {Array.from({ length: columns }, (_, column) => (
        <td key={column}>
          <span className="skeleton" />
        </td>
      ))}
    </tr>
  ))
}
