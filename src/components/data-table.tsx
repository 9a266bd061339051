import {
  FlexRender,
  createColumnHelper,
  metaHelper,
  tableFeatures,
  useTable,
  type OnChangeFn,
  type RowData,
  type TableOptions,
} from '@tanstack/react-table'
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { lazyComponent, whenIdle } from '../lib/lazy.ts'
import type { BadgeTone } from './badge.tsx'
import { ColumnResizeHandle } from './column-resize-handle.tsx'
import { DataRow, RowHrefContext, SkeletonRows, type RowStep } from './data-table-row.tsx'
import type { RowRange } from './virtual-rows.tsx'
import './data-table.css'

export interface DataColumnMeta {
  /** Class for the column's header and cells (alignment, tabular numbers, per-column rules). */
  className?: string
  /** false: no resize handle (the column keeps its size). */
  resizable?: boolean
  /** Width in px (DEFAULT_SIZE without); the user's width, in the sizing state, wins. */
  size?: number
  /** The user may not make it narrower (DEFAULT_MIN_SIZE without). */
  minSize?: number
}

/*
 * The one place TanStack Table is wired. Paging, search and filtering belong to the API, so no
 * client row model is registered, and no feature either: the table builds the headers, rows and
 * cells. What its features would add cost the list's first load more than its budget allows, so
 * it is done here in a few lines: column sizes (instead of columnSizingFeature, ~0.9 kB gz:
 * decision 016) are the user's width or the column's own, never below its minimum; pinning
 * (instead of columnPinningFeature + the columnVisibilityFeature its row cells need) puts pinned
 * columns first and sticks them at their offset; resizing (instead of columnResizingFeature) is
 * column-resize-handle.tsx writing the sizing state. The caller passes just the columns to show.
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
/** The user's column widths in px, by column id. */
export type ColumnSizingState = Record<string, number>

/** A column's width and least width without its own (TanStack Table's defaults, as before: 016). */
const DEFAULT_SIZE = 150
const DEFAULT_MIN_SIZE = 20

/** The user's width if there is one, else the column's own; never below its minimum. */
function columnWidth(meta: DataColumnMeta | undefined, chosen: number | undefined): number {
  return Math.max(meta?.minSize ?? DEFAULT_MIN_SIZE, chosen ?? meta?.size ?? DEFAULT_SIZE)
}

/**
 * A mark that stays on a row until the caller drops it (e.g. "Went down", until marked as seen):
 * a small label at the start of the first cell, which is the pinned one when a column is pinned, so
 * it shows however far the table scrolls sideways. Keep one object per mark: rows are memoised.
 */
export interface RowMark {
  label: string
  tone: BadgeTone
  title?: string
}

/**
 * Longer pages render only the rows in view. Pages up to VIRTUAL_ABOVE rows render whole until the
 * virtualizer's code is here (it is not in the first load), then, from the next page on, also only
 * the rows in view when they are more than SMALL_PAGE: a cached page change of 100 rows then builds
 * ~30 rows instead of 100. Without ResizeObserver (a test DOM) the view's height is unknown, so
 * pages up to VIRTUAL_ABOVE stay whole there.
 */
export const VIRTUAL_ABOVE = 100
const SMALL_PAGE = 40
const CAN_OBSERVE = typeof ResizeObserver !== 'undefined'
/** Row heights per density, fixed by data-table.css (one line per cell). */
export const ROW_HEIGHT = { comfortable: 40, compact: 30 } as const
const MAX_COLUMN_WIDTH = 1200

// The virtualizer (~4 kB) is not in the first load: it downloads once the first rows are shown and
// the browser is idle, so switching to a long page later does not wait for it (and, rendered
// directly once loaded, does not meet React's 300 ms Suspense throttle; see lib/lazy.ts).
const virtualRows = lazyComponent(() => import('./virtual-rows.tsx').then((module) => module.VirtualRows))
const VirtualRows = virtualRows.Component

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
  /** The row's own address (e.g. `?account=…`): its first cell becomes a link to it. */
  getRowHref?: ((row: TData) => string) | undefined
  /** Hover or focus: a hint that the row may be opened soon (prefetch). */
  onRowIntent?: (row: TData, index: number) => void
  /** The size of the whole result set and where this page starts in it, for "row 101 of 1,234". */
  totalRows?: number | undefined
  firstRowIndex?: number
  /** Rows to draw attention to for a moment (e.g. a status that just changed). */
  flashedRowIds?: ReadonlySet<string>
  /** Lasting marks by row id (see RowMark). */
  rowMarks?: ReadonlyMap<string, RowMark>
  density?: 'comfortable' | 'compact'
  /** Column widths in px by column id (the columns' own sizes where absent). */
  columnSizing?: ColumnSizingState
  onColumnSizingChange?: OnChangeFn<ColumnSizingState>
  /** Columns kept at the left edge while the table scrolls sideways. */
  pinnedColumnIds?: readonly string[]
}

const NO_IDS: ReadonlySet<string> = new Set()
const NO_MARKS: ReadonlyMap<string, RowMark> = new Map()
const NO_SIZES: ColumnSizingState = {}
const NO_PINS: readonly string[] = []

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { label, data, getRowId, stale = false, skeletonRows = 0 } = props
  const density = props.density ?? 'comfortable'
  const pinned = props.pinnedColumnIds ?? NO_PINS
  const columns = usePinnedFirst(props.columns, pinned)
  const [ownSizing, setOwnSizing] = useState<ColumnSizingState>(NO_SIZES)
  const sizing = props.columnSizing ?? ownSizing
  const setSizing = props.onColumnSizingChange ?? setOwnSizing
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId })
  const rows = table.getRowModel().rows
  const leaves = table.getAllLeafColumns()
  const columnCount = leaves.length
  // Widths by column id, the table's total, and where each pinned column sticks (the sum of the
  // widths before it; pinned columns come first). The same starts object while they hold, so the
  // memoised rows re-render only when a pinned column's place changes.
  const widths = new Map(
    leaves.map((column) => [
      column.id,
      columnWidth(column.columnDef.meta, Object.hasOwn(sizing, column.id) ? sizing[column.id] : undefined),
    ]),
  )
  let totalWidth = 0
  const starts: Record<string, number> = {}
  for (const column of leaves) {
    if (pinned.includes(column.id)) starts[column.id] = totalWidth
    totalWidth += widths.get(column.id) ?? 0
  }
  const startsKey = JSON.stringify(starts)
  // By value: the same object while the offsets hold.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const pinnedStarts: Readonly<Record<string, number>> = useMemo(() => starts, [startsKey])
  const flashed = props.flashedRowIds ?? NO_IDS
  const marks = props.rowMarks ?? NO_MARKS
  const rowHeight = ROW_HEIGHT[density]

  // Roving tabindex: the table is one Tab stop; arrow keys move between rows by index, so a row
  // that is not rendered yet (virtual rows) is scrolled into view first, then focused.
  const [focus, setFocus] = useState<{ id: string; index: number; request: { index: number } | null } | undefined>()
  const pendingFocus = useRef<string | undefined>(undefined)
  const scroller = useRef<HTMLDivElement>(null)
  // Also as state: the virtualizer mounts with the table and needs the element on its first pass
  // (a ref is attached only after the children's layout effects ran).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null)
  const scrollerRef = useCallback((element: HTMLDivElement | null) => {
    scroller.current = element
    setScrollElement(element)
  }, [])
  // The scroller's height, observed (never read during a commit, which would force a layout).
  const [viewportHeight, setViewportHeight] = useState(0)
  useEffect(() => {
    if (!scrollElement || !CAN_OBSERVE) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setViewportHeight(entry.contentRect.height)
    })
    observer.observe(scrollElement)
    return () => observer.disconnect()
  }, [scrollElement])
  const head = useRef<HTMLTableSectionElement>(null)
  const [headerHeight, setHeaderHeight] = useState(0)
  useLayoutEffect(() => setHeaderHeight(head.current?.offsetHeight ?? 0), [density, columns])

  const step = useCallback<RowStep>(
    (index, delta) => {
      // A key pressed before the row it moved to is rendered (and focused) goes on from that row,
      // not from the one still focused: fast ↓ presses are never lost while rows render.
      const pending = rows.findIndex((row) => row.id === pendingFocus.current)
      const target = rows[(pending < 0 ? index : pending) + delta]
      if (!target) return
      pendingFocus.current = target.id
      setFocus({ id: target.id, index: target.index, request: { index: target.index } })
    },
    [rows],
  )
  // The target row is already in the DOM (whole pages, or within the virtual window): focus it now.
  useLayoutEffect(() => {
    const id = pendingFocus.current
    if (id === undefined) return
    const element = scroller.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`)
    if (element) {
      pendingFocus.current = undefined
      element.focus()
    }
  }, [focus])
  const claimFocus = useCallback((id: string) => {
    if (pendingFocus.current !== id) return false
    pendingFocus.current = undefined
    return true
  }, [])
  const onFocusRow = useCallback((id: string, index: number) => {
    setFocus((current) => (current?.id === id ? current : { id, index, request: null }))
  }, [])

  // A keyboard user who changes the page from a row keeps the keyboard in the table: when the
  // focused row is replaced by the next page's rows, focus moves to the first of them.
  const focusWasInside = useRef(false)
  useLayoutEffect(() => {
    if (!focusWasInside.current) return
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    scroller.current?.querySelector<HTMLElement>('tbody tr[tabindex]')?.focus()
  }, [data])
  // A new page starts at its top. Only written when scrolled: writing scrollTop forces a layout
  // of the new rows inside the commit (measured: ~70 ms of a cached page change's script time for
  // 100 rows), so the position is tracked from scroll events instead of read.
  const scrollTop = useRef(0)
  useLayoutEffect(() => {
    if (scrollTop.current === 0 || !scroller.current) return
    scrollTop.current = 0
    scroller.current.scrollTop = 0
  }, [props.firstRowIndex])
  const knownScrollTop = useCallback(() => scrollTop.current, [])

  const hasRows = rows.length > 0
  // Decided once per page (data), so rows do not switch between whole and virtual under the user…
  const virtualOnArrival = useMemo(() => data.length > SMALL_PAGE && CAN_OBSERVE && virtualRows.isLoaded(), [data])
  // …except a page shown whole because the virtualizer's code was not here yet: it switches once the
  // code has arrived and the browser is idle, unless someone is inside the table (a focused row, an
  // open popover, selected text: those stay as they are until the next page). The next page change
  // then swaps a screenful of rows instead of removing 100.
  const [upgraded, setUpgraded] = useState<readonly TData[]>()
  const virtual = rows.length > VIRTUAL_ABOVE || ((virtualOnArrival || upgraded === data) && rows.length > SMALL_PAGE)
  const canUpgrade = !virtual && CAN_OBSERVE && rows.length > SMALL_PAGE
  useEffect(() => {
    if (!hasRows || (virtualRows.isLoaded() && !canUpgrade)) return
    // A later page's data makes a late answer here harmless: `upgraded` no longer matches it.
    return whenIdle(() => {
      virtualRows.load().then(
        () => {
          const element = scroller.current
          if (canUpgrade && !element?.contains(document.activeElement) && document.getSelection()?.isCollapsed !== false) setUpgraded(data)
        },
        () => undefined,
      )
    })
  }, [hasRows, canUpgrade, data])
  const renderRow = (index: number, rendered: RowRange) => {
    const row = rows[index]
    if (!row) return null
    const focusShown =
      focus !== undefined && focus.index >= rendered.start && focus.index <= rendered.end && rows[focus.index]?.id === focus.id
    return (
      <DataRow
        key={row.id}
        row={row}
        columns={columns}
        tabbable={focusShown ? row.id === focus.id : index === rendered.start}
        selected={row.id === props.selectedRowId}
        flashed={flashed.has(row.id)}
        mark={marks.get(row.id)}
        rowIndex={props.totalRows === undefined ? undefined : (props.firstRowIndex ?? 0) + row.index + 2}
        linked={props.getRowHref !== undefined}
        pinned={pinnedStarts}
        claimFocus={claimFocus}
        onOpen={props.onRowOpen}
        onIntent={props.onRowIntent}
        onFocusRow={onFocusRow}
        onStep={step}
      />
    )
  }
  const wholeRange: RowRange = { start: 0, end: rows.length - 1 }
  const getRowHref = props.getRowHref
  const hrefAt = useCallback(
    (index: number) => {
      const row = rows[index]
      return row && getRowHref ? getRowHref(row.original) : undefined
    },
    [rows, getRowHref],
  )

  const empty = rows.length === 0 && skeletonRows === 0 ? props.empty : null
  return (
    // Focusable only while it holds nothing focusable, so keyboard users can still scroll it.
    <div
      ref={scrollerRef}
      className={`table-scroll${stale ? ' is-stale' : ''}${density === 'compact' ? ' is-compact' : ''}`}
      tabIndex={rows.length === 0 ? 0 : undefined}
      onScroll={(event) => {
        scrollTop.current = event.currentTarget.scrollTop
      }}
    >
      <table
        className="data-table"
        aria-label={label}
        aria-busy={stale || (skeletonRows > 0 && rows.length === 0)}
        // +1: the header row counts.
        aria-rowcount={props.totalRows === undefined ? undefined : props.totalRows + 1}
        // Fixed layout at the sum of the column widths: more columns scroll sideways, never squeeze.
        style={{ width: totalWidth }}
      >
        <thead ref={head}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column
                const left = pinnedStarts[column.id]
                const width = widths.get(column.id) ?? DEFAULT_SIZE
                const headerLabel = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
                return (
                  <th
                    key={header.id}
                    scope="col"
                    // The label alone: the resize handle's own name would otherwise join it.
                    aria-label={headerLabel}
                    className={cellClass(column.columnDef.meta?.className, left !== undefined)}
                    style={{ width, left }}
                  >
                    <span className="th-label">{header.isPlaceholder ? null : <FlexRender header={header} />}</span>
                    {column.columnDef.meta?.resizable !== false ? (
                      <ColumnResizeHandle
                        label={headerLabel}
                        size={width}
                        minSize={column.columnDef.meta?.minSize ?? DEFAULT_MIN_SIZE}
                        maxSize={MAX_COLUMN_WIDTH}
                        onResize={(size) => setSizing((old) => ({ ...old, [column.id]: size }))}
                        onReset={() =>
                          setSizing((old) => {
                            const next = { ...old }
                            delete next[column.id]
                            return next
                          })
                        }
                      />
                    ) : null}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody
          onFocus={() => {
            focusWasInside.current = true
          }}
          onBlur={(event) => {
            focusWasInside.current = event.currentTarget.contains(event.relatedTarget)
          }}
        >
          <RowHrefContext value={hrefAt}>
            {rows.length === 0 && skeletonRows > 0 ? (
              <SkeletonRows rows={skeletonRows} columns={columnCount} />
            ) : virtual ? (
              // Until the virtualizer's code is here: the first rows, as a whole page would show them.
              <Suspense fallback={rows.slice(0, VIRTUAL_ABOVE).map((row) => renderRow(row.index, wholeRange))}>
                <VirtualRows
                  count={rows.length}
                  rowHeight={rowHeight}
                  columnCount={columnCount}
                  scrollElement={scrollElement}
                  scrollTop={knownScrollTop}
                  headerHeight={headerHeight}
                  viewportHeight={viewportHeight}
                  focusRequest={focus?.request ?? null}
                  renderRow={renderRow}
                />
              </Suspense>
            ) : (
              rows.map((row) => renderRow(row.index, wholeRange))
            )}
          </RowHrefContext>
        </tbody>
      </table>
      {/* Outside the table: a message is not a row of data. */}
      {empty}
    </div>
  )
}

function cellClass(className: string | undefined, pinned: boolean): string | undefined {
  return [className, pinned ? 'is-pinned' : ''].filter(Boolean).join(' ') || undefined
}

/** Pinned columns first, in their pinning order; the same array while columns and pins hold. */
function usePinnedFirst<TData extends RowData>(columns: DataColumns<TData>, pinned: readonly string[]): DataColumns<TData> {
  const key = pinned.join(',')
  return useMemo(() => {
    const ids = key ? key.split(',') : []
    const first = ids.flatMap((id) => columns.filter((column) => column.id === id))
    return first.length === 0 ? columns : [...first, ...columns.filter((column) => !first.includes(column))]
  }, [columns, key])
}
