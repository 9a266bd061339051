import { elementScroll, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, type ReactNode } from 'react'

export interface RowRange {
  start: number
  end: number
}

export interface VirtualRowsProps {
  count: number
  /** Every row has this height (the table's CSS fixes it per density), so nothing is measured. */
  rowHeight: number
  columnCount: number
  scrollElement: HTMLDivElement | null
  /** The scroller's scrollTop as its last scroll event left it (read without forcing a layout). */
  scrollTop: () => number
  /** The sticky header's height: rows start below it and must not hide under it. */
  headerHeight: number
  /** The scroller's height as last observed: the first render already shows the rows in view. */
  viewportHeight: number
  /** A row the keyboard moved to: scrolled into view (a new object for each move). */
  focusRequest: { index: number } | null
  renderRow: (index: number, rendered: RowRange) => ReactNode
}

/*
 * Only the rows in view (plus a few either side) are in the DOM; a spacer row above and below
 * keeps the scroll height, so the markup stays a real table (table/row/cell roles, sticky
 * header, fixed layout). Loaded on demand for pages above 100 rows: the first page never pays
 * for it.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { count, rowHeight, columnCount, scrollElement, scrollTop, headerHeight, viewportHeight, focusRequest, renderRow } = props
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render; no memoised child gets its functions
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    initialRect: { width: 0, height: viewportHeight > 0 ? viewportHeight : window.innerHeight },
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    observeElementRect: observeRectAfterLayout,
    // Mounting "scrolls" to its initial offset at once, inside React's commit, which forces a
    // layout of the rows just inserted (measured 15–22 ms on the switch to 500 rows). The offset
    // is known from the scroller's own scroll events: start there, and write only a real move.
    initialOffset: scrollTop,
    scrollToFn: (offset, options, instance) => {
      if (offset + (options.adjustments ?? 0) !== scrollTop()) elementScroll(offset, options, instance)
    },
    // React 19 batches the scroll updates itself; flushSync inside its commit only warns.
    useFlushSync: false,
  })
  useLayoutEffect(() => {
    if (focusRequest) virtualizer.scrollToIndex(focusRequest.index, { align: 'auto' })
  }, [focusRequest, virtualizer])

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1
  const rendered = { start: first, end: last }
  const top = first * rowHeight
  const bottom = Math.max(0, (count - last - 1) * rowHeight)
  return (
    <>
      {top > 0 ? <Spacer height={top} columns={columnCount} /> : null}
      {items.map((item) => renderRow(item.index, rendered))}
      {bottom > 0 ? <Spacer height={bottom} columns={columnCount} /> : null}
    </>
  )
}

/**
 * The scroller's size, never read inside React's commit. The library's own observer reads
 * clientHeight as it subscribes, in the commit that first shows a long page, which forces a layout
 * of the rows just inserted before the browser's own (measured 15–45 ms of the switch to 500 rows).
 * Here the first size is `initialRect` (the height DataTable last observed), and later ones come
 * from a ResizeObserver, which reports after layout. A scroller with no size (not laid out yet,
 * hidden) still shows a window's worth of rows rather than none; without ResizeObserver (a test DOM
 * without layout) the window's height stays.
 */
function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, HTMLTableRowElement>, onRect: (rect: Rect) => void) {
  const element = instance.scrollElement
  if (!element || typeof ResizeObserver === 'undefined') return undefined
  const observer = new ResizeObserver(([entry]) => {
    if (!entry) return
    const width = Math.round(entry.contentRect.width)
    const height = Math.round(entry.contentRect.height)
    onRect({ width, height: height > 0 ? height : window.innerHeight })
  })
  observer.observe(element)
  return () => observer.disconnect()
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  )
}
