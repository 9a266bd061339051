import { useState, type ReactNode } from 'react'
import { sameId } from '../../../api/ids.ts'
import { useSession, useSipAccess } from '../../../app/session-context.tsx'
import { Badge } from '../../../components/badge.tsx'
import { Dialog } from '../../../components/dialog.tsx'
import { DASH } from '../../../lib/format.ts'
import { useNow } from '../../../lib/use-now.ts'
import { useCustomerNames } from '../scope/use-customer-name.ts'
import type { StatusChange } from './change-log.ts'
import { formatChangeTime } from './change-text.ts'
import { useChangeLog, useChangeLogState } from './change-log-context.tsx'
import { notificationPermission, turnOnNotifications, type NotifyPermission } from './notifications.ts'
import './changes-panel.css'

interface ChangesPanelProps {
  onClose: () => void
  onOpenAccount: (accountId: string) => void
}

const STATUS_WORD = { ON: 'Up', OFF: 'Down' } as const

/** The session's change log (a lazy chunk): newest first, with Mark all as seen and Notify me. */
export function ChangesPanel({ onClose, onOpenAccount }: ChangesPanelProps) {
  const log = useChangeLog()
  const state = useChangeLogState()
  const access = useSipAccess()
  const session = useSession()
  // Customers by name in one request for the whole log (scope levels only; the own one from the session).
  const names = useCustomerNames(access.scope ? state.changes.map((change) => change.customer) : [])
  const customerName = (id: string | undefined) => {
    if (!id) return DASH
    if (sameId(id, session.customer)) return session.customerName ?? DASH
    return names.get(id.toLowerCase()) ?? `ID …${id.slice(-6)}`
  }
  const unseen = state.changes.filter((change) => change.seq > state.seenUpTo).length
  // Only decides whether a time needs its day too.
  const now = useNow(60_000)

  return (
    <Dialog
      title="Status changes"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={log.markAllSeen} disabled={unseen === 0}>
            Mark all as seen
          </button>
          <button type="button" className="button primary" onClick={onClose} data-autofocus="">
            Close
          </button>
        </>
      }
    >
      <p className="hint changes-intro">
        What this dashboard saw change since you signed in: the list on screen refreshes every 30 s, and pages you visit and accounts you
        open count too. Trunks on other pages are not watched. The log is cleared when you sign out.
      </p>
      <NotifyMe />
      {state.changes.length === 0 ? (
        <p className="changes-empty">No status changes seen yet.</p>
      ) : (
        <table className="changes-table">
          <caption className="visually-hidden">Status changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Seen at</th>
              <th scope="col">Account</th>
              {access.scope ? <th scope="col">Customer</th> : null}
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {state.changes.map((change) => (
              <ChangeRow
                key={change.seq}
                change={change}
                unseen={change.seq > state.seenUpTo}
                time={formatChangeTime(change.at, now)}
                customer={access.scope ? customerName(change.customer) : null}
                onOpen={() => onOpenAccount(change.accountId)}
              />
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  )
}

interface ChangeRowProps {
  change: StatusChange
  unseen: boolean
  time: string
  customer: string | null
  onOpen: () => void
}

function ChangeRow({ change, unseen, time, customer, onOpen }: ChangeRowProps) {
  return (
    <tr className={unseen ? 'is-unseen' : undefined}>
      <td className="num">
        {time}
        {unseen ? (
          <>
            {' '}
            <Badge tone="info">New</Badge>
          </>
        ) : null}
      </td>
      <td>
        <button type="button" className="link-button changes-account" onClick={onOpen}>
          {change.accountName}
        </button>
      </td>
      {customer === null ? null : <td>{customer}</td>}
      <td>
        {STATUS_WORD[change.from]} → <Badge tone={change.to === 'OFF' ? 'negative' : 'positive'}>{STATUS_WORD[change.to]}</Badge>
      </td>
    </tr>
  )
}

/** Browser notifications for trunks that went down: asked for only here, on a click. */
function NotifyMe() {
  const log = useChangeLog()
  const { notifying } = useChangeLogState()
  const [permission, setPermission] = useState<NotifyPermission>(notificationPermission)
  const [asking, setAsking] = useState(false)
  const ask = () => {
    setAsking(true)
    void turnOnNotifications(log)
      .then(setPermission)
      .finally(() => setAsking(false))
  }
  let text: string
  let action: ReactNode = null
  if (permission === 'unsupported') {
    text = 'This browser cannot show notifications.'
  } else if (notifying) {
    text =
      'Notifications are on: one for each refresh that finds trunks that went down, with their names only. They are shown only while this dashboard is open in a tab (it keeps refreshing in the background while they are on).'
    action = (
      <button type="button" className="button small" onClick={() => log.setNotifier(null)}>
        Stop notifications
      </button>
    )
  } else if (permission === 'denied') {
    text = 'Notifications are blocked for this site in your browser. Allow them in the browser’s site settings to use them here.'
  } else {
    text = 'Get a browser notification when a trunk goes down. Shown only while this dashboard is open in a tab; nothing is sent anywhere.'
    action = (
      <button type="button" className="button small" onClick={ask} disabled={asking} aria-busy={asking}>
        Notify me
      </button>
    )
  }
  return (
    <div className="changes-notify">
      <p className="hint" role="status">
        {text}
      </p>
      {action}
    </div>
  )
}
