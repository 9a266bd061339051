import { FlexRender, type ColumnVisibilityState, type Row, type RowData } from '@tanstack/react-table'
import { memo, type KeyboardEvent } from 'react'
import type { DataTableFeatures } from './data-table.tsx'

type Features = DataTableFeatures

export interface DataRowProps<TData extends RowData> {
  row: Row<Features, TData>
  /** Not read here: a new object means the visible cells changed, so the memo must re-render. */
  visibility: ColumnVisibilityState
  tabbable: boolean
  selected: boolean
  onOpen: ((row: TData, index: number) => void) | undefined
  onIntent: ((row: TData, index: number) => void) | undefined
  onFocusRow: (id: string) => void
}

function DataRowInner<TData extends RowData>({ row, tabbable, selected, onOpen, onIntent, onFocusRow }: DataRowProps<TData>) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.key === 'ArrowUp'
          ? event.currentTarget.previousElementSibling
          : null
    if (sibling instanceof HTMLElement) {
      event.preventDefault()
      sibling.focus()
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onOpen?.(row.original, row.index)
    }
  }
  return (
    <tr
      data-row-id={row.id}
      tabIndex={tabbable ? 0 : -1}
      data-selected={selected ? '' : undefined}
      className={onOpen ? 'is-interactive' : undefined}
      onClick={onOpen ? () => onOpen(row.original, row.index) : undefined}
      onKeyDown={onKeyDown}
      onMouseEnter={onIntent ? () => onIntent(row.original, row.index) : undefined}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return
        onFocusRow(row.id)
        onIntent?.(row.original, row.index)
      }}
    >
      {row.getVisibleCells().map((cell) => (
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
