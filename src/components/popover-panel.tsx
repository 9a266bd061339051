import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react'

/** Gap between the button and the panel, and the least distance from the window's edges, in px. */
const GAP = 4
const MARGIN = 8

/**
 * The native popover API (top layer). Without it (jsdom, old browsers) the attribute is left off:
 * a [popover] that cannot be shown stays display: none; the panel then sits in the flow instead.
 */
const NATIVE_POPOVER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype

/** Keeps the events of the panel from reaching the row (or page) it sits in. */
const stop = (event: SyntheticEvent) => event.stopPropagation()

export interface PopoverPanelProps {
  id: string
  /** The popover's accessible name (it is a non-modal dialog). */
  label: string
  /** The button that opened it: the panel sits next to it, and a press on it is not "outside". */
  anchor: RefObject<HTMLButtonElement | null>
  /** Closes it; `refocus`: focus goes back to the button (Esc). */
  onClose: (refocus: boolean) => void
  children: ReactNode
}

/**
 * The open part of popover.tsx, loaded on first open (or once the list's first rows are shown):
 * placed under the button (above it when the window has no room below), focused when it opens,
 * closed by Esc, by a press outside or by tabbing out.
 */
export function PopoverPanel({ id, label, anchor, onClose, children }: PopoverPanelProps) {
  const panel = useRef<HTMLDivElement>(null)
  const latest = useRef(onClose)
  useEffect(() => {
    latest.current = onClose
  })

  useLayoutEffect(() => {
    const element = panel.current
    const button = anchor.current
    if (!element || !button) return
    if (NATIVE_POPOVER) element.showPopover()
    const place = () => {
      const at = button.getBoundingClientRect()
      const { width, height } = element.getBoundingClientRect()
      const below = at.bottom + GAP
      const top = below + height + MARGIN <= window.innerHeight ? below : Math.max(MARGIN, at.top - GAP - height)
      const left = Math.max(MARGIN, Math.min(at.left, window.innerWidth - width - MARGIN))
      // CSSOM, not a style attribute in markup: allowed by the CSP (style-src 'self').
      element.style.top = `${top}px`
      element.style.left = `${left}px`
    }
    place()
    element.focus()
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
  }, [anchor])

  useEffect(() => {
    // A press anywhere else closes it; focus goes wherever that press puts it.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node) || panel.current?.contains(target) || anchor.current?.contains(target)) return
      latest.current(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [anchor])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The list's own keys (j/k, arrows for pages) must not act behind an open popover.
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose(true)
    }
  }

  return (
    <div
      ref={panel}
      id={id}
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      popover={NATIVE_POPOVER ? 'manual' : undefined}
      className="popover"
      onKeyDown={onKeyDown}
      onClick={stop}
      onMouseDown={stop}
      onMouseOver={stop}
      onBlur={(event) => {
        // Tabbing out closes it; a lost window focus (relatedTarget null) does not.
        const next = event.relatedTarget
        if (next instanceof Node && !event.currentTarget.contains(next) && next !== anchor.current) onClose(false)
      }}
    >
      {children}
    </div>
  )
}
