import type { KeyboardEvent, MouseEvent, TouchEvent } from 'react'

/** One arrow key press; with Shift, five. */
export const RESIZE_STEP = 10

interface ColumnResizeHandleProps {
  label: string
  size: number
  minSize: number
  maxSize: number
  resizing: boolean
  /** TanStack Table's drag handler (mouse and touch; it follows the pointer on the document). */
  onDragStart: (event: MouseEvent | TouchEvent) => void
  onResize: (size: number) => void
  onReset: () => void
}

/**
 * The edge of a column header: drag it, or focus it and use ←/→ (Shift for bigger steps, Home
 * for the narrowest). A focusable separator is the ARIA pattern for a splitter, so screen
 * readers announce its width as a value.
 */
export function ColumnResizeHandle(props: ColumnResizeHandleProps) {
  const { label, size, minSize, maxSize } = props
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? RESIZE_STEP * 5 : RESIZE_STEP
    const next =
      event.key === 'ArrowRight'
        ? size + step
        : event.key === 'ArrowLeft'
          ? size - step
          : event.key === 'Home'
            ? minSize
            : event.key === 'End'
              ? maxSize
              : undefined
    if (next === undefined) return
    // The page's own arrow keys (previous/next page) must not fire as well.
    event.preventDefault()
    event.stopPropagation()
    props.onResize(Math.min(maxSize, Math.max(minSize, next)))
  }
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={Math.round(size)}
      aria-valuemin={minSize}
      aria-valuemax={maxSize}
      tabIndex={0}
      className={`column-resize-handle${props.resizing ? ' is-resizing' : ''}`}
      onMouseDown={props.onDragStart}
      onTouchStart={props.onDragStart}
      onDoubleClick={props.onReset}
      onKeyDown={onKeyDown}
    />
  )
}
