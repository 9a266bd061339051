import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react'
import './popover.css'

export interface PopoverProps {
  /** The button's visible content (e.g. "+3"). */
  trigger: ReactNode
  /** The button's accessible name (e.g. "3 more numbers"). */
  triggerLabel: string
  /** The popover's accessible name (it is a non-modal dialog). */
  label: string
  triggerClassName?: string
  children: ReactNode
}

/** Gap between the button and the panel, and the least distance from the window's edges, in px. */
const GAP = 4
const MARGIN = 8

/**
 * The native popover API (top layer). Without it (jsdom, old browsers) the attribute is left off:
 * a [popover] that cannot be shown stays display: none; the panel then sits in the flow instead.
 */
const NATIVE_POPOVER = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype

/** Keeps the events of the button and the panel from reaching the row (or page) they sit in. */
const stop = (event: SyntheticEvent) => event.stopPropagation()

/**
 * A button that opens a small non-modal dialog next to it: by click, tap, Enter or Space; closed
 * by Esc (focus back on the button), a click outside or the button again. Focus moves into the
 * panel when it opens. The panel is a native popover (top layer) where the browser has one, so a
 * scrolling ancestor (the table's horizontal scroller) cannot clip it; it is placed under the
 * button, or above it when the window has no room below.
 */
export function Popover({ trigger, triggerLabel, label, triggerClassName, children }: PopoverProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const panelId = useId()

  // In a table row with a roving Tab stop (data-table-row.tsx) the button is a Tab stop only in
  // the row that is one: Tab goes row → its button → out of the table, not through every row's
  // button. Set on the DOM after each render (the row re-renders its cells when that changes).
  useLayoutEffect(() => {
    const element = button.current
    const row = element?.closest('tr')
    if (element && row) element.tabIndex = row.tabIndex === 0 ? 0 : -1
  })

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    const element = panel.current
    const anchor = button.current
    if (!open || !element || !anchor) return
    if (NATIVE_POPOVER) element.showPopover()
    const place = () => {
      const at = anchor.getBoundingClientRect()
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
  }, [open])

  useEffect(() => {
    if (!open) return
    // A press anywhere else closes it; focus goes wherever that press puts it.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node) || panel.current?.contains(target) || button.current?.contains(target)) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The list's own keys (j/k, arrows for pages) must not act behind an open popover.
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={triggerClassName ? `popover-trigger ${triggerClassName}` : 'popover-trigger'}
        aria-label={triggerLabel}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={(event) => {
          // A tap or click on the button is not a click on the row (which would open the drawer).
          event.stopPropagation()
          setOpen((was) => !was)
        }}
        onKeyDown={stop}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
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
            if (next instanceof Node && !event.currentTarget.contains(next) && next !== button.current) setOpen(false)
          }}
        >
          {children}
        </div>
      ) : null}
    </>
  )
}
