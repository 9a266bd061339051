import {
  FlexRender,
  createColumnHelper,
  metaHelper,
  tableFeatures,
  useTable,
  type RowData,
  type TableOptions,
} from '@tanstack/react-table'
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { DataRow, SkeletonRows } from './data-table-row.tsx'
import './data-table.css'

export interface DataColumnMeta {
  /** Class for the column's header and cells (alignment, tabular numbers, per-column rules). */
  className?: string
  /**
   * Width in px, set on the header cell: the table's fixed layout takes column widths from the
   * header row. No width: the column shares what the fixed ones leave.
   */
  width?: number | undefined
  /** The narrowest the column may get, in px. */
  minWidth?: number | undefined
}

/*
 * The one place TanStack Table is wired. No feature is registered: paging, search and filtering
 * belong to the API, and the caller passes only the columns to show (the column chooser picks and
 * orders them), so no client row models or visibility state are bundled.
 */
export const dataTableFeatures = tableFeatures({
  columnMeta: metaHelper<DataColumnMeta>(),
})
export type DataTableFeatures = typeof dataTableFeatures
type Features = DataTableFeatures

export function createDataColumnHelper<TData extends RowData>() {
  return createColumnHelper<Features, TData>()
}

export type DataColumns<TData extends RowData> = TableOptions<Features, TData>['columns']

/**
 * Rows rendered at once when new data arrives; the rest follow in a transition, which React
 * renders in slices between input events. Measured in Chromium: a 500-row page rendered in one go
 * blocked the main thread for ~250 ms; the default page of 100 renders whole as before.
 */
export const FIRST_ROWS = 100

interface DataTableProps<TData extends RowData> {
  label: string
  columns: DataColumns<TData>
  data: readonly TData[]
  getRowId: (row: TData) => string
  /** The rows are a placeholder while newer ones load: shown dimmed, marked busy. */
  stale?: boolean
  /** First load: this many skeleton rows under the real header. */
  skeletonRows?: number
  /** Shown under the header when there are no rows (and nothing is loading). */
  empty?: ReactNode
  /** The row whose details are open. */
  selectedRowId?: string | undefined
  onRowOpen?: (row: TData, index: number) => void
  /** Hover or focus: a hint that the row may be opened soon (prefetch). */
  onRowIntent?: (row: TData, index: number) => void
  /** The size of the whole result set and where this page starts in it, for "row 101 of 1,234". */
  totalRows?: number | undefined
  firstRowIndex?: number
  /** Rows to draw attention to for a moment (e.g. a status that just changed). */
  flashedRowIds?: ReadonlySet<string>
  density?: 'comfortable' | 'compact'
}

const NO_IDS: ReadonlySet<string> = new Set()

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { label, columns, data, getRowId, stale = false, skeletonRows = 0 } = props
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId })
  // Roving tabindex: the table is one Tab stop; arrow keys move between rows.
  const [focusId, setFocusId] = useState<string | undefined>()
  const allRows = table.getRowModel().rows
  const [progress, setProgress] = useState({ data, count: FIRST_ROWS })
  if (progress.data !== data) setProgress({ data, count: FIRST_ROWS })
  const rows = progress.count >= allRows.length ? allRows : allRows.slice(0, progress.count)
  useEffect(() => {
    if (progress.count >= allRows.length) return
    startTransition(() => setProgress((current) => ({ ...current, count: Number.POSITIVE_INFINITY })))
  }, [progress, allRows.length])
  const tabbableId = rows.some((row) => row.id === focusId) ? focusId : rows[0]?.id
  const columnCount = table.getAllLeafColumns().length
  const flashed = props.flashedRowIds ?? NO_IDS

  // A keyboard user who changes the page from a row keeps the keyboard in the table: when the
  // focused row is replaced by the next page's rows, focus moves to the first of them.
  const body = useRef<HTMLTableSectionElement>(null)
  const focusWasInside = useRef(false)
  useLayoutEffect(() => {
    if (!focusWasInside.current) return
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    body.current?.querySelector<HTMLElement>('tr[tabindex]')?.focus()
  }, [data])

  const empty = rows.length === 0 && skeletonRows === 0 ? props.empty : null
  return (
    // Focusable only while it holds nothing focusable, so keyboard users can still scroll it.
    <div
      className={`table-scroll${stale ? ' is-stale' : ''}${props.density === 'compact' ? ' is-compact' : ''}`}
      tabIndex={rows.length === 0 ? 0 : undefined}
    >
      <table
        className="data-table"
        aria-label={label}
        aria-busy={stale || (skeletonRows > 0 && rows.length === 0)}
        // +1: the header row counts.
        aria-rowcount={props.totalRows === undefined ? undefined : props.totalRows + 1}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.className}
                    style={meta?.width === undefined && meta?.minWidth === undefined ? undefined : { width: meta.width, minWidth: meta.minWidth }}
                  >
                    {header.isPlaceholder ? null : <FlexRender header={header} />}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody
          ref={body}
          onFocus={() => {
            focusWasInside.current = true
          }}
          onBlur={(event) => {
            focusWasInside.current = event.currentTarget.contains(event.relatedTarget)
          }}
        >
          {rows.length === 0 && skeletonRows > 0 ? (
            <SkeletonRows rows={skeletonRows} columns={columnCount} />
          ) : (
            rows.map((row) => (
              <DataRow
                key={row.id}
                row={row}
                columns={columns}
                tabbable={row.id === tabbableId}
                selected={row.id === props.selectedRowId}
                flashed={flashed.has(row.id)}
                rowIndex={props.totalRows === undefined ? undefined : (props.firstRowIndex ?? 0) + row.index + 2}
                onOpen={props.onRowOpen}
                onIntent={props.onRowIntent}
                onFocusRow={setFocusId}
              />
            ))
          )}
        </tbody>
      </table>
      {/* Outside the table: a message is not a row of data. */}
      {empty}
    </div>
  )
}
