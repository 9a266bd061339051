import { Dialog } from './dialog.tsx'
import { FailureAlert, type FailureProps } from './failure-alert.tsx'

export type FailedDialogProps = FailureProps & { title: string; onClose: () => void }

/** A lazy part that cannot be shown, as a small dialog under its own title (lazy-boundary.tsx). */
export function FailedDialog({ title, ...failure }: FailedDialogProps) {
  return (
    <Dialog title={title} onClose={failure.onClose}>
      <FailureAlert {...failure} />
    </Dialog>
  )
}
