import { updatedAgo } from '../../../lib/relative-time.ts'
import { useNow } from '../../../lib/use-now.ts'
import type { StatusFlip } from './use-status-flips.ts'
import './live-status.css'

interface LiveStatusProps {
  /** When the shown rows were fetched (0: not yet). */
  updatedAt: number
  refreshing: boolean
  /** The last refresh failed: the rows shown are older than they should be. */
  failed: boolean
  /** The browser is offline: React Query holds refreshes until it is back. */
  offline: boolean
  flips: readonly StatusFlip[]
  onRefresh: () => void
}

/**
 * "Updated 12 s ago" and Refresh. Only this small component re-renders every second. Status
 * flips are announced politely; the ticking time is not (a live region that changes every second
 * would talk over everything else).
 */
export function LiveStatus({ updatedAt, refreshing, failed, offline, flips, onRefresh }: LiveStatusProps) {
  const now = useNow(1000)
  return (
    <div className="live-status">
      {updatedAt > 0 ? (
        <span className={failed || offline ? 'live-updated is-outdated' : 'live-updated'}>
          {offline
            ? `Offline · showing data from ${updatedAgo(updatedAt, now)}`
            : failed
              ? `Could not refresh · showing data from ${updatedAgo(updatedAt, now)}`
              : `Updated ${updatedAgo(updatedAt, now)}`}
        </span>
      ) : null}
      <button type="button" className="button small" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <span role="status" className="visually-hidden">
        {flips.length > 0 ? describeFlips(flips) : ''}
      </span>
    </div>
  )
}

function describeFlips(flips: readonly StatusFlip[]): string {
  const listed = flips.slice(0, 5).map((flip) => `${flip.name} is now ${flip.status === 'ON' ? 'up' : 'down'}`)
  const more = flips.length > 5 ? `, and ${flips.length - 5} more` : ''
  return `Status changed: ${listed.join('; ')}${more}.`
}
