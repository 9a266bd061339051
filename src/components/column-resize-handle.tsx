import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'

/** One arrow key press; with Shift, five. */
export const RESIZE_STEP = 10

interface ColumnResizeHandleProps {
  label: string
  size: number
  minSize: number
  maxSize: number
  /** A new width, already within min and max (the table's column sizing state takes it). */
  onResize: (size: number) => void
  onReset: () => void
}

/**
 * The edge of a column header: drag it (mouse, pen or touch), or focus it and use ←/→ (Shift for
 * bigger steps, Home/End for the narrowest/widest). A focusable separator is the ARIA pattern
 * for a splitter, so screen readers announce its width as a value. The drag is a few lines of
 * pointer capture rather than columnResizingFeature: that feature cost ~1.5 kB gz on the list's
 * first load, which is over its budget, for the same result.
 */
export function ColumnResizeHandle(props: ColumnResizeHandleProps) {
  const { label, size, minSize, maxSize, onResize } = props
  const { t } = useI18n()
  const clamp = (value: number) => Math.round(Math.min(maxSize, Math.max(minSize, value)))
  const drag = useRef<{ pointer: number; x: number; size: number } | undefined>(undefined)
  const [dragging, setDragging] = useState(false)

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
    onResize(clamp(next))
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    // No text selection and no focus ring from a drag.
    event.preventDefault()
    // Moves reach the handle even when the pointer leaves it.
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { pointer: event.pointerId, x: event.clientX, size }
    setDragging(true)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (start?.pointer === event.pointerId) onResize(clamp(start.size + event.clientX - start.x))
  }
  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== event.pointerId) return
    onPointerMove(event)
    drag.current = undefined
    setDragging(false)
  }
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('Resize {label}', { label })}
      aria-valuenow={Math.round(size)}
      aria-valuemin={minSize}
      aria-valuemax={maxSize}
      tabIndex={0}
      className={`column-resize-handle${dragging ? ' is-resizing' : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={(event) => {
        if (drag.current?.pointer !== event.pointerId) return
        drag.current = undefined
        setDragging(false)
      }}
      onDoubleClick={props.onReset}
      onKeyDown={onKeyDown}
    />
  )
}
