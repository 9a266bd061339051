import { createContext, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { RowMark } from '../../../components/data-table.tsx'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { createChangeLog, unseenByAccount, type ChangeLog, type ChangeLogState, type StatusChange } from './change-log.ts'

const Context = createContext<ChangeLog | null>(null)

/**
 * The session's change log. The page that holds it is rendered once per sign-in (the shell keys the
 * signed-in tree by the session), so a new user always starts with a new, empty log; on sign-out
 * the page unmounts and the log is disposed (and any notification shown is closed). Kept out of
 * React Query's cache on purpose: clearing or refetching list queries must not lose what was seen.
 */
export function ChangeLogProvider({ children }: { children: ReactNode }) {
  const [log] = useState(createChangeLog)
  useEffect(() => () => log.dispose(), [log])
  return <Context value={log}>{children}</Context>
}

export function useChangeLog(): ChangeLog {
  const log = use(Context)
  if (!log) throw new Error('useChangeLog needs a ChangeLogProvider')
  return log
}

export function useChangeLogState(): ChangeLogState {
  const log = useChangeLog()
  return useSyncExternalStore(log.subscribe, log.getState, log.getState)
}

/** The rows to mark until "Mark all as seen": by account id, its newest unseen change. */
export function useRowMarks(): ReadonlyMap<string, RowMark> {
  const state = useChangeLogState()
  const { t } = useI18n()
  // One object per kind (and language): the table's rows are memoised, so a row re-renders only
  // when its mark changes, or when the language does.
  const kinds = useMemo(
    () => ({
      down: { label: t('Went down'), tone: 'negative' } satisfies RowMark,
      up: { label: t('Came up'), tone: 'positive' } satisfies RowMark,
    }),
    [t],
  )
  return useMemo(() => {
    const marks = new Map<string, RowMark>()
    for (const change of unseenByAccount(state).values()) marks.set(change.accountId, change.to === 'OFF' ? kinds.down : kinds.up)
    return marks
  }, [state, kinds])
}

/**
 * What the polite live region says: "Status changed: Lager Kolding is now down." for the last
 * answer that changed anything, then nothing once `forMs` have passed (the text is not left behind
 * for someone reading the page later). Every change the log records is said, on the page shown or
 * not (a revisited page, the drawer's account).
 */
export function useChangeAnnouncement(forMs: number): string {
  const batch = useChangeLogState().lastBatch
  const { t } = useI18n()
  const [expired, setExpired] = useState<readonly StatusChange[] | null>(null)
  useEffect(() => {
    if (batch.length === 0) return
    const timer = setTimeout(() => setExpired(batch), forMs)
    return () => clearTimeout(timer)
  }, [batch, forMs])
  if (batch.length === 0 || expired === batch) return ''
  const listed = batch
    .slice(0, 5)
    .map((change) =>
      change.to === 'ON' ? t('{name} is now up', { name: change.accountName }) : t('{name} is now down', { name: change.accountName }),
    )
  const more = batch.length > 5 ? t(', and {count} more', { count: batch.length - 5 }) : ''
  return t('Status changed: {changes}.', { changes: `${listed.join('; ')}${more}` })
}
