import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { lockPageScroll } from './scroll-lock.ts'
import './modal.css'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface ModalProps {
  /** id of the element naming the dialog (its heading). */
  labelledBy: string
  describedBy?: string
  onClose: () => void
  /** Where focus goes when the dialog closes; defaults to the element that had it when it opened. */
  returnFocus?: () => HTMLElement | null | undefined
  /** 'drawer' slides in from the side, 'dialog' sits in the middle. */
  variant: 'drawer' | 'dialog'
  children: ReactNode
}

/**
 * A modal dialog with the focus handling screen-reader and keyboard users rely on: focus moves in,
 * Tab stays inside, Esc closes, the page behind is inert and does not scroll, and focus returns
 * where it belongs.
 * (Not <dialog>: its showModal() is missing in jsdom and the return-focus target varies here.)
 */
export function Modal({ labelledBy, describedBy, onClose, returnFocus, variant, children }: ModalProps) {
  const panel = useRef<HTMLDivElement>(null)
  const latest = useRef({ onClose, returnFocus })
  useEffect(() => {
    latest.current = { onClose, returnFocus }
  })

  // In the commit, not after it: the page is locked before the modal's first frame is painted.
  useLayoutEffect(() => lockPageScroll(), [])

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const host = panel.current?.closest('[data-modal-host]')
    const siblings = [...document.body.children].filter((el) => el !== host && !el.hasAttribute('inert'))
    for (const el of siblings) el.setAttribute('inert', '')
    const initial = panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current
    initial?.focus()
    return () => {
      for (const el of siblings) el.removeAttribute('inert')
      const target = latest.current.returnFocus?.() ?? opener
      if (target?.isConnected) target.focus()
    }
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      latest.current.onClose()
      return
    }
    if (event.key !== 'Tab' || !panel.current) return
    const focusables = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = focusables[0]
    const last = focusables.at(-1)
    if (!first || !last) return event.preventDefault()
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return createPortal(
    <div className={`modal-host modal-${variant}`} data-modal-host="">
      <div className="modal-backdrop" onClick={() => latest.current.onClose()} />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className="modal-panel"
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  )
}
