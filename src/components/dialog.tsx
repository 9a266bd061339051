import { useId, type ReactNode, type Ref } from 'react'
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
  return (
    <Modal variant="dialog" labelledBy={titleId} describedBy={describedBy} onClose={onClose}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </div>
      {/* Only the body scrolls: at 200 % zoom or on a short screen the title and the actions
          (Close among them) stay in view, and the body's scroll stays inside the dialog. */}
      <div className="dialog-body">{children}</div>
      {actions === undefined ? null : (
        <div className="dialog-actions" ref={actionsRef}>
          {actions}
        </div>
      )}
    </Modal>
  )
}
