import { useState, type ReactNode } from 'react'
import { sameId } from '../../../api/ids.ts'
import { useSession, useSipAccess } from '../../../app/session-context.tsx'
import { Badge } from '../../../components/badge.tsx'
import { Dialog } from '../../../components/dialog.tsx'
import { DASH } from '../../../lib/format.ts'
import { msg } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
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

const STATUS_WORD = { ON: msg('Up'), OFF: msg('Down') } as const

/** The session's change log (a lazy chunk): newest first, with Mark all as seen and Notify me. */
export function ChangesPanel({ onClose, onOpenAccount }: ChangesPanelProps) {
  const { t, locale } = useI18n()
  const log = useChangeLog()
  const state = useChangeLogState()
  const access = useSipAccess()
  const session = useSession()
  // Customers by name in one request for the whole log (scope levels only; the own one from the session).
  const names = useCustomerNames(access.scope ? state.changes.map((change) => change.customer) : [])
  const customerName = (id: string | undefined) => {
    if (!id) return DASH
    if (sameId(id, session.customer)) return session.customerName ?? DASH
    return names.get(id.toLowerCase()) ?? t('ID …{id}', { id: id.slice(-6) })
  }
  const unseen = state.changes.filter((change) => change.seq > state.seenUpTo).length
  // Only decides whether a time needs its day too.
  const now = useNow(60_000)

  return (
    <Dialog
      title={t('Status changes')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={log.markAllSeen} disabled={unseen === 0}>
            {t('Mark all as seen')}
          </button>
          <button type="button" className="button primary" onClick={onClose} data-autofocus="">
            {t('Close')}
          </button>
        </>
      }
    >
      <p className="hint changes-intro">
        {t(
          'What this dashboard saw change since you signed in: the list on screen refreshes every 30 s, and pages you visit and accounts you open count too. Trunks on other pages are not watched. The log is cleared when you sign out.',
        )}
      </p>
      <NotifyMe />
      {state.changes.length === 0 ? (
        <p className="changes-empty">{t('No status changes seen yet.')}</p>
      ) : (
        <table className="changes-table">
          <caption className="visually-hidden">{t('Status changes, newest first')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Seen at')}</th>
              <th scope="col">{t('Account')}</th>
              {access.scope ? <th scope="col">{t('Customer')}</th> : null}
              <th scope="col">{t('Change')}</th>
            </tr>
          </thead>
          <tbody>
            {state.changes.map((change) => (
              <ChangeRow
                key={change.seq}
                change={change}
                unseen={change.seq > state.seenUpTo}
                time={formatChangeTime(change.at, now, locale)}
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
  const { t } = useI18n()
  return (
    <tr className={unseen ? 'is-unseen' : undefined}>
      <td className="num">
        {time}
        {unseen ? (
          <>
            {' '}
            <Badge tone="info">{t('New')}</Badge>
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
        {t(STATUS_WORD[change.from])} → <Badge tone={change.to === 'OFF' ? 'negative' : 'positive'}>{t(STATUS_WORD[change.to])}</Badge>
      </td>
    </tr>
  )
}

/** Browser notifications for trunks that went down: asked for only here, on a click. */
function NotifyMe() {
  const { t } = useI18n()
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
    text = t('This browser cannot show notifications.')
  } else if (notifying) {
    text = t(
      'Notifications are on: one for each refresh that finds trunks that went down, with their names only. They are shown only while this dashboard is open in a tab (it keeps refreshing in the background while they are on).',
    )
    action = (
      <button type="button" className="button small" onClick={() => log.setNotifier(null)}>
        {t('Stop notifications')}
      </button>
    )
  } else if (permission === 'denied') {
    text = t('Notifications are blocked for this site in your browser. Allow them in the browser’s site settings to use them here.')
  } else {
    text = t(
      'Get a browser notification when a trunk goes down. Shown only while this dashboard is open in a tab; nothing is sent anywhere.',
    )
    action = (
      <button type="button" className="button small" onClick={ask} disabled={asking} aria-busy={asking}>
        {t('Notify me')}
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
