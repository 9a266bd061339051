import { useEffect, useId, useRef, useState, type ReactNode, type RefObject, type Ref } from 'react'
import { Modal } from './modal.tsx'
import './dialog.css'

export interface DialogProps {
  /** The heading, which also names the dialog for screen readers. */
  title: ReactNode
  onClose: () => void
  /** id of an element in the content that describes the dialog (read after its name). */
  describedBy?: string
  /** The buttons at the end, right-aligned (Close, Cancel, Done…). */
  actions?: ReactNode
  /** The actions row, e.g. to move focus to a button that replaced the focused one. */
  actionsRef?: Ref<HTMLDivElement>
  children?: ReactNode
}

/**
 * A small centred dialog: the title as its heading and accessible name, the content, a row of
 * actions. The one place the dialog chrome is written; Modal gives it the focus handling.
 */
export function Dialog({ title, onClose, describedBy, actions, actionsRef, children }: DialogProps) {
  const titleId = useId()
  const body = useRef<HTMLDivElement>(null)
  const scrolls = useScrolls(body)
  return (
    <Modal variant="dialog" labelledBy={titleId} describedBy={describedBy} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </div>
      {/* Only the body scrolls: at 200 % zoom or on a short screen the title and the actions
          (Close among them) stay in view, and the body's scroll stays inside the dialog. */}
      {/* When it scrolls it takes the focus too, so a keyboard can scroll text with no control in
          it (the shortcuts table; axe: scrollable-region-focusable); otherwise no extra Tab stop. */}
      <div
        ref={body}
        className="dialog-body"
        tabIndex={scrolls ? 0 : undefined}
        aria-labelledby={scrolls ? titleId : undefined}
        role={scrolls ? 'region' : undefined}
      >
        {children}
      </div>
      {actions === undefined ? null : (
        <div className="dialog-actions" ref={actionsRef}>
          {actions}
        </div>
      )}
    </Modal>
  )
}

/** Whether the element's content is taller than the element (it scrolls), kept up to date. */
function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false)
  useEffect(() => {
    const element = ref.current
    // jsdom has no layout (and no ResizeObserver): nothing ever scrolls there.
    if (!element || typeof ResizeObserver === 'undefined') return
    const measure = () => setScrolls(element.scrollHeight > element.clientHeight + 1)
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    for (const child of element.children) observer.observe(child)
    measure()
    return () => observer.disconnect()
  }, [ref])
  return scrolls
}
