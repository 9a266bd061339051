import { createContext, use, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { RowMark } from '../../../components/data-table.tsx'
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

// One object per kind: the table's rows are memoised, so a row re-renders only when its mark changes.
const WENT_DOWN: RowMark = { label: 'Went down', tone: 'negative' }
const CAME_UP: RowMark = { label: 'Came up', tone: 'positive' }

/** The rows to mark until "Mark all as seen": by account id, its newest unseen change. */
export function useRowMarks(): ReadonlyMap<string, RowMark> {
  const state = useChangeLogState()
  return useMemo(() => {
    const marks = new Map<string, RowMark>()
    for (const change of unseenByAccount(state).values()) marks.set(change.accountId, change.to === 'OFF' ? WENT_DOWN : CAME_UP)
    return marks
  }, [state])
}

/**
 * What the polite live region says: "Status changed: Lager Kolding is now down." for the last
 * answer that changed anything, then nothing once `forMs` have passed (the text is not left behind
 * for someone reading the page later). Every change the log records is said, on the page shown or
 * not (a revisited page, the drawer's account).
 */
export function useChangeAnnouncement(forMs: number): string {
  const batch = useChangeLogState().lastBatch
  const [expired, setExpired] = useState<readonly StatusChange[] | null>(null)
  useEffect(() => {
    if (batch.length === 0) return
    const timer = setTimeout(() => setExpired(batch), forMs)
    return () => clearTimeout(timer)
  }, [batch, forMs])
  if (batch.length === 0 || expired === batch) return ''
  const listed = batch.slice(0, 5).map((change) => `${change.accountName} is now ${change.to === 'ON' ? 'up' : 'down'}`)
  const more = batch.length > 5 ? `, and ${batch.length - 5} more` : ''
  return `Status changed: ${listed.join('; ')}${more}.`
}
