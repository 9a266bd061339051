import { FlexRender, type Row, type RowData } from '@tanstack/react-table'
import { createContext, memo, use, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import { Badge } from './badge.tsx'
import type { DataTableFeatures, RowMark } from './data-table.tsx'

type Features = DataTableFeatures

/** Move the keyboard focus from the row at `index` by `delta` rows (the table knows every row). */
export type RowStep = (index: number, delta: 1 | -1) => void

export interface DataRowProps<TData extends RowData> {
  row: Row<Features, TData>
  /** Not read here either: new columns (chosen, reordered, resized) must re-render the memoised row. */
  columns: unknown
  tabbable: boolean
  selected: boolean
  /** Drawn attention to for a moment (a status that just changed). */
  flashed: boolean
  /** A lasting mark, shown at the start of the first cell. */
  mark: RowMark | undefined
  /** aria-rowindex: the row's place in the whole result set, header = 1. */
  rowIndex: number | undefined
  /** The row has its own URL (RowHrefContext): the first cell links to it (middle-click, new tab). */
  linked: boolean
  /** The columns that stick at the left edge: their offset from it, by column id. */
  pinned: Readonly<Record<string, number>>
  /** True once for the row the keyboard is moving to: it takes the focus as soon as it is rendered. */
  claimFocus: (id: string) => boolean
  onOpen: ((row: TData, index: number) => void) | undefined
  onIntent: ((row: TData, index: number) => void) | undefined
  onFocusRow: (id: string, index: number) => void
  onStep: RowStep
}

const NEXT_KEYS = new Set(['ArrowDown', 'j'])
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k'])
/** A pointer that moved further than this between press and release was selecting, not clicking. */
const DRAG_PX = 4
let pressedAt: { x: number; y: number } | undefined
/**
 * A plain click on a row opens it after this long unless a second click follows: a double-click
 * selects a word (an IP, a username) and opens nothing. The row's data is fetched meanwhile, and
 * the name link, Enter and Space open at once.
 */
export const DOUBLE_CLICK_MS = 250
let pendingOpen: number | undefined

/** Text is selected (a drag or a double-click just ended): a click then only selected. */
function selectingText(event: MouseEvent): boolean {
  // The press belongs to this click only: a click without one (a synthetic click) is not a drag.
  const pressed = pressedAt
  pressedAt = undefined
  if (event.detail > 1) return true
  const selection = window.getSelection()
  if (selection && !selection.isCollapsed && selection.toString().trim() !== '') return true
  return pressed !== undefined && Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > DRAG_PX
}

/**
 * The full text of cells cut short by their ellipsis, on hover or focus (title); none when they
 * fit. Measured in the next frame, not in the event: a new page under a resting pointer sends a
 * mouseover at once, and measuring then would force a layout of the rows just inserted.
 */
function titleTruncated(cells: readonly HTMLTableCellElement[]) {
  window.requestAnimationFrame(() => {
    for (const cell of cells) {
      const text = cell.textContent.trim()
      if (text && cell.scrollWidth > cell.clientWidth) cell.title = text
      else cell.removeAttribute('title')
    }
  })
}

function DataRowInner<TData extends RowData>(props: DataRowProps<TData>) {
  const { row, tabbable, selected, flashed, mark, rowIndex, linked, onOpen, onIntent, onFocusRow, onStep } = props
  const open = onOpen ? () => onOpen(row.original, row.index) : undefined
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    if (NEXT_KEYS.has(event.key) || PREVIOUS_KEYS.has(event.key)) {
      // At the first or last row nothing happens: no wrap-around, and the page does not scroll.
      event.preventDefault()
      onStep(row.index, NEXT_KEYS.has(event.key) ? 1 : -1)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      open?.()
    }
  }
  const onClick = (event: MouseEvent<HTMLTableRowElement>) => {
    window.clearTimeout(pendingOpen)
    if (!open || event.button !== 0 || selectingText(event)) return
    // A link or button in a cell does its own thing.
    if (event.target instanceof Element && event.target.closest('a, button, input, select, textarea')) return
    onIntent?.(row.original, row.index)
    const element = event.currentTarget
    pendingOpen = window.setTimeout(() => {
      // Still the same list (not paged or filtered away meanwhile).
      if (element.isConnected) open()
    }, DOUBLE_CLICK_MS)
  }
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified and middle clicks are the browser's: a new tab or window at the row's URL.
    if (!open || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    if (!selectingText(event)) open()
  }
  const cells = row.getAllCells()
  return (
    <tr
      data-row-id={row.id}
      ref={(element) => {
        if (element && props.claimFocus(row.id)) element.focus()
      }}
      tabIndex={tabbable ? 0 : -1}
      aria-rowindex={rowIndex}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected ? '' : undefined}
      data-mark={mark?.tone}
      className={[open ? 'is-interactive' : '', flashed ? 'is-flashed' : ''].filter(Boolean).join(' ') || undefined}
      onMouseDown={(event) => {
        pressedAt = { x: event.clientX, y: event.clientY }
      }}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onMouseEnter={onIntent ? () => onIntent(row.original, row.index) : undefined}
      onMouseOver={(event) => {
        if (event.target instanceof Element) {
          const cell = event.target.closest('td')
          if (cell) titleTruncated([cell])
        }
      }}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return
        titleTruncated([...event.currentTarget.cells])
        onFocusRow(row.id, row.index)
        onIntent?.(row.original, row.index)
      }}
    >
      {cells.map((cell, position) => {
        const column = cell.column
        const left = props.pinned[column.id]
        const className = [column.columnDef.meta?.className, left !== undefined ? 'is-pinned' : ''].filter(Boolean).join(' ') || undefined
        return (
          <td key={cell.id} className={className} style={left !== undefined ? { left } : undefined}>
            {position === 0 && mark ? (
              <span className="row-mark">
                <Badge tone={mark.tone} title={mark.title}>
                  {mark.label}
                </Badge>{' '}
              </span>
            ) : null}
            {position === 0 && linked ? (
              <RowLink index={row.index} onClick={onLinkClick}>
                <FlexRender cell={cell} />
              </RowLink>
            ) : (
              <FlexRender cell={cell} />
            )}
          </td>
        )
      })}
    </tr>
  )
}

/**
 * The URL of the row at an index of the page. A context rather than a prop: the URLs carry the
 * list's address, which changes before the next page's rows arrive (e.g. rows per page); then only
 * these links update, not every cell of every row (measured: ~50 ms of script for 100 rows).
 */
export const RowHrefContext = createContext<(index: number) => string | undefined>(() => undefined)

function RowLink({
  index,
  onClick,
  children,
}: {
  index: number
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void
  children: ReactNode
}) {
  const href = use(RowHrefContext)(index)
  return (
    // Not a Tab stop of its own: the row is (Enter opens it); the link is for the mouse.
    <a className="row-link" href={href} tabIndex={-1} onClick={onClick}>
      {children}
    </a>
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
