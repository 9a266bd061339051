import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { sameId } from '../../../api/ids.ts'
import { useSession, useSessionLive } from '../../../app/session-context.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { errorText } from '../../../lib/error-text.ts'
import { intlTag, msg, type Translate } from '../../../lib/i18n.ts'
import { updatedAgo } from '../../../lib/relative-time.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useNow } from '../../../lib/use-now.ts'
import { useCustomerName, useCustomerNames } from '../scope/use-customer-name.ts'
import type { WalkProgress } from '../walk-pages.ts'
import { rankCustomers, type DownCount, type DownScope } from './count-down.ts'
import { DownByCustomerTable } from './down-by-customer-table.tsx'
import { downByCustomerQueries } from './down-queries.ts'
import './down-by-customer.css'

export interface DownByCustomerViewProps {
  /** The list's scope: what is walked. */
  scope: DownScope
  /** The list this view was opened from (its URL without `view`): "Back to list" and Escape go there. */
  listHref: string
  onClose: () => void
}

/**
 * Down by customer (decision 044): every down trunk of the scope, walked in 500-row pages with
 * progress and Cancel, counted per customer, most first. Shown instead of the list while the URL
 * says `view=down`; a lazy chunk.
 */
export function DownByCustomerView({ scope, listHref, onClose }: DownByCustomerViewProps) {
  const { t } = useI18n()
  const session = useSession()
  const live = useSessionLive()
  const queryClient = useQueryClient()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [progress, setProgress] = useState<WalkProgress | undefined>(undefined)
  const [cancelled, setCancelled] = useState(false)
  const [activeOnly, setActiveOnly] = useState(false)
  const scopeName = useScopeName(scope)

  const options = downByCustomerQueries.count(session.token, scope, setProgress)
  const query = useQuery({ ...options, enabled: live })
  const running = query.fetchStatus === 'fetching'

  // Opening the view moves the keyboard and the screen reader to its heading.
  useEffect(() => heading.current?.focus(), [])

  // Escape goes back to the list, unless something on top (a dialog, a menu) takes it first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="listbox"]')) return
      event.preventDefault()
      onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])

  // Cancel goes away when the walk ends (or is cancelled): the keyboard goes to Refresh, not to the page.
  const refreshButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (running) return
    const focused = document.activeElement
    if (focused && focused !== document.body && focused.isConnected) return
    refreshButton.current?.focus()
  }, [running])

  const cancel = () => {
    setCancelled(true)
    void queryClient.cancelQueries({ queryKey: options.queryKey })
  }
  const refresh = () => {
    setCancelled(false)
    void query.refetch()
  }

  const count = query.data
  const ids = useMemo(() => count?.customers.map((entry) => entry.customer) ?? [], [count])
  // One bulk lookup for every customer's name (decision 040); the user's own comes from the session.
  const names = useCustomerNames(ids)
  const rows = useMemo(() => {
    if (!count) return []
    const nameOf = (customer: string) =>
      sameId(customer, session.customer) ? (session.customerName ?? undefined) : names.get(customer.toLowerCase())
    return rankCustomers(count, activeOnly, nameOf)
  }, [count, activeOnly, names, session.customer, session.customerName])

  return (
    <section className="down-view" aria-labelledby={headingId}>
      <a
        className="down-back"
        href={listHref}
        onClick={(event) => {
          // A plain click stays in the page; a middle or modified click opens the list elsewhere.
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
          event.preventDefault()
          onClose()
        }}
      >
        {t('Back to list')}
      </a>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="down-heading">
        {t('Down by customer')}
      </h2>
      <p className="hint">
        {t(
          'Down trunks in {scope}, counted over all of them. Hosted-PBX trunks have no status and are not counted. Each customer opens the list of that customer’s down trunks, inactive ones included.',
          { scope: scopeName },
        )}
      </p>
      <div className="down-controls">
        <label className="down-switch">
          <input type="checkbox" role="switch" checked={activeOnly} onChange={(event) => setActiveOnly(event.target.checked)} />
          {t('Active only')}
        </label>
        {query.dataUpdatedAt > 0 ? <ComputedAgo at={query.dataUpdatedAt} /> : null}
        <button ref={refreshButton} type="button" className="button small" onClick={refresh} disabled={running}>
          {t('Refresh')}
        </button>
      </div>
      {running ? <WalkProgressBar progress={progress} onCancel={cancel} /> : null}
      <p role="status" className="down-status">
        {statusText({ running, cancelled, count: query.isError ? undefined : count, rows: rows.length, activeOnly }, t)}
      </p>
      {query.isError && !running ? (
        <ErrorAlert title={t('Down by customer could not be counted.')} onRetry={refresh}>
          {describeError(query.error, t)}
          {progress ? ` ${t('It stopped after {done} of {total} down trunks.', { done: progress.done, total: progress.total })}` : ''}
        </ErrorAlert>
      ) : null}
      {count ? <DownByCustomerTable rows={rows} labelledBy={headingId} stale={running || query.isError} /> : null}
    </section>
  )
}

function statusText(
  state: {
    running: boolean
    cancelled: boolean
    count: DownCount | undefined
    rows: number
    activeOnly: boolean
  },
  t: Translate,
): string {
  const { running, cancelled, count, rows, activeOnly } = state
  if (running) return t('Counting down trunks…')
  if (cancelled)
    return count
      ? t('Counting cancelled. The counts shown are from before.')
      : t('Counting cancelled. Nothing was counted; Refresh counts again.')
  if (!count) return ''
  const trunks = count.customers.reduce((sum, entry) => sum + (activeOnly ? entry.activeDown : entry.down), 0)
  const counted = activeOnly
    ? t('{trunks} active down trunks at {customers, plural, one {# customer} other {# customers}}.', { trunks, customers: rows })
    : t('{trunks} down trunks at {customers, plural, one {# customer} other {# customers}}.', { trunks, customers: rows })
  const unassigned = activeOnly ? count.unassigned.activeDown : count.unassigned.down
  return unassigned > 0 ? `${counted} ${t('{count} more came without a customer.', { count: unassigned })}` : counted
}

/** How the scope reads in a sentence: the picked customer or reseller by name, else all of the user's customers. */
function useScopeName(scope: DownScope): string {
  const { t } = useI18n()
  const session = useSession()
  const id = scope.customer ?? scope.reseller
  const name = useCustomerName(id)
  if (!id) return session.customerName ?? t('your own customer')
  if (scope.reseller && !scope.customer && sameId(scope.reseller, session.customer)) return t('all your customers')
  const label = name ?? t('ID …{id}', { id: id.slice(-6) })
  return scope.customer ? label : t('reseller {name}’s customers', { name: label })
}

/** "Computed 2 min ago"; only this line re-renders every few seconds. The exact time is its tooltip. */
function ComputedAgo({ at }: { at: number }) {
  const { t, locale } = useI18n()
  const now = useNow(5000)
  const date = new Date(at)
  return (
    <time className="down-computed" dateTime={date.toISOString()} title={date.toLocaleString(intlTag(locale))}>
      {t('Computed {ago}', { ago: updatedAgo(at, now) })}
    </time>
  )
}

function WalkProgressBar({ progress, onCancel }: { progress: WalkProgress | undefined; onCancel: () => void }) {
  const { t } = useI18n()
  const labelId = useId()
  return (
    <div className="down-progress">
      <progress aria-labelledby={labelId} value={progress?.done ?? 0} max={progress && progress.total > 0 ? progress.total : 1} />
      <p id={labelId}>{progress ? t('{done} of {total} down trunks', { done: progress.done, total: progress.total }) : t('Starting…')}</p>
      <button type="button" className="button small" onClick={onCancel}>
        {t('Cancel')}
      </button>
    </div>
  )
}

function describeError(error: unknown, t: Translate): string {
  return errorText(error, msg('Something went wrong while counting.'), t)
}
