import type { ReactNode } from 'react'
import { updatedAgo } from '../../../lib/relative-time.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useNow } from '../../../lib/use-now.ts'
import { useChangeAnnouncement } from '../changes/change-log-context.tsx'
import { FLASH_MS } from './use-status-flips.ts'
import './live-status.css'

interface LiveStatusProps {
  /** When the shown rows were fetched (0: not yet). */
  updatedAt: number
  refreshing: boolean
  /** The last refresh failed: the rows shown are older than they should be. */
  failed: boolean
  /** The browser is offline: React Query holds refreshes until it is back. */
  offline: boolean
  onRefresh: () => void
  /** Beside Refresh (the Changes button). */
  children?: ReactNode
}

/**
 * "Updated 12 s ago" and Refresh. Only this small component re-renders every second. Status
 * changes the session's change log records (on this page or not) are announced politely; the
 * ticking time is not (a live region that changes every second would talk over everything else).
 */
export function LiveStatus({ updatedAt, refreshing, failed, offline, onRefresh, children }: LiveStatusProps) {
  const now = useNow(1000)
  // updatedAgo speaks the active language; reading the context re-renders this at a switch.
  const { t } = useI18n()
  const ago = updatedAt > 0 ? updatedAgo(updatedAt, now) : ''
  const announcement = useChangeAnnouncement(FLASH_MS)
  return (
    <div className="live-status">
      {updatedAt > 0 ? (
        <span className={failed || offline ? 'live-updated is-outdated' : 'live-updated'}>
          {offline
            ? t('Offline · showing data from {ago}', { ago })
            : failed
              ? t('Could not refresh · showing data from {ago}', { ago })
              : t('Updated {ago}', { ago })}
        </span>
      ) : null}
      <button type="button" className="button small" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? t('Refreshing…') : t('Refresh')}
      </button>
      {children}
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </div>
  )
}
