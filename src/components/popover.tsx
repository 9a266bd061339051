import { useId, useLayoutEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react'
import { lazyComponent } from '../lib/lazy.ts'
import { LazyDialogBoundary } from './lazy-boundary.tsx'
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

// The open panel is not needed to show the button: it is fetched on first hover, focus or open, or
// when the page preloads it (preloadPopover, once the list's first rows are shown).
const popoverPanel = lazyComponent(() => import('./popover-panel.tsx').then((module) => module.PopoverPanel))
const PopoverPanel = popoverPanel.Component
export const preloadPopover = popoverPanel.preload

/** Keeps the events of the button from reaching the row (or page) it sits in. */
const stop = (event: SyntheticEvent) => event.stopPropagation()

/**
 * A button that opens a small non-modal dialog next to it: by click, tap, Enter or Space; closed
 * by Esc (focus back on the button), a click outside or the button again. Focus moves into the
 * panel when it opens. The panel is a native popover (top layer) where the browser has one, so a
 * scrolling ancestor (the table's horizontal scroller) cannot clip it (popover-panel.tsx).
 */
export function Popover({ trigger, triggerLabel, label, triggerClassName, children }: PopoverProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
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
        onPointerEnter={popoverPanel.preload}
        onFocus={popoverPanel.preload}
        onKeyDown={stop}
      >
        {trigger}
      </button>
      {open ? (
        <LazyDialogBoundary title={label} onClose={() => close(true)}>
          <PopoverPanel id={panelId} label={label} anchor={button} onClose={close}>
            {children}
          </PopoverPanel>
        </LazyDialogBoundary>
      ) : null}
    </>
  )
}
