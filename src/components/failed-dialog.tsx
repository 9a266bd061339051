import { Dialog } from './dialog.tsx'
import { FailureAlert, type FailureProps } from './failure-alert.tsx'

/** A lazy part that cannot be shown, as a small dialog under its own title (lazy-boundary.tsx). */
export function FailedDialog({ title, ...failure }: FailureProps & { title: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={failure.onClose}>
      <FailureAlert {...failure} />
    </Dialog>
  )
}
