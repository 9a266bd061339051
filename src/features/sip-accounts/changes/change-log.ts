import { t } from '../../../lib/i18n.ts'
import type { SipStatus } from '../../../api/sip-account.ts'

/*
 * The session's change log: in the list page's first load, so kept small. What only the Changes
 * panel and the drawer need (change-text.ts, notifications.ts) loads with them.
 */

/** One status change the dashboard saw: when it saw it, which account, whose, from what to what. */
export interface StatusChange {
  /** Unique within the session's log (React keys, "seen"). */
  seq: number
  /** When the answer that showed the new status was fetched (ms since the epoch). */
  at: number
  accountId: string
  /** The name every role sees (or the first number when there is no name). */
  accountName: string
  /** The account's customer when the answer or the list's scope says it; else undefined. */
  customer: string | undefined
  from: SipStatus
  to: SipStatus
}

/** What an answer said about one account, as the log needs it. */
interface ObservedAccount {
  _id: string
  name?: string | null | undefined
  numbers?: readonly string[] | null | undefined
  status?: SipStatus | null | undefined
  customer?: string | null | undefined
}

export interface ChangeLogState {
  /** Newest first, at most MAX_CHANGES. */
  changes: readonly StatusChange[]
  /** Changes up to this seq are seen ("Mark all as seen" moves it). */
  seenUpTo: number
  /** The changes of the last answer that had any, for the polite announcement. */
  lastBatch: readonly StatusChange[]
  /** "Notify me" is on (this session only): the list then refreshes in a hidden tab too. */
  notifying: boolean
}

/** Shows notifications for the log once "Notify me" is on (notifications.ts, loaded with the panel). */
export interface ChangeNotifier {
  notify: (batch: readonly StatusChange[]) => void
  stop: () => void
}

export interface ChangeLog {
  getState: () => ChangeLogState
  subscribe: (listener: () => void) => () => void
  /**
   * Compares what an answer says with what earlier answers said about the same accounts and logs
   * each difference (ON ↔ OFF only: a PBX trunk has no status). An answer older than what is known
   * about an account (a drawer's cached data) changes nothing.
   */
  observe: (accounts: readonly ObservedAccount[], at: number, scopeCustomer?: string) => void
  markAllSeen: () => void
  /** null: notifications off (and the one on screen closed). */
  setNotifier: (notifier: ChangeNotifier | null) => void
  /** Sign-out: the log, the known statuses and any notification shown are gone. */
  dispose: () => void
}

/** The log keeps the newest this many changes (a session that runs for days stays small). */
const MAX_CHANGES = 500

const EMPTY: ChangeLogState = { changes: [], seenUpTo: 0, lastBatch: [], notifying: false }

export function createChangeLog(): ChangeLog {
  const listeners = new Set<() => void>()
  const known = new Map<string, { status: SipStatus; at: number }>()
  let seq = 0
  let notifier: ChangeNotifier | null = null
  let state = EMPTY

  const set = (next: ChangeLogState) => {
    state = next
    for (const listener of listeners) listener()
  }
  const setNotifier = (next: ChangeNotifier | null) => {
    notifier?.stop()
    notifier = next
    if (state.notifying !== Boolean(next)) set({ ...state, notifying: Boolean(next) })
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    observe: (accounts, at, scopeCustomer) => {
      const batch: StatusChange[] = []
      for (const account of accounts) {
        const status = account.status
        if (status !== 'ON' && status !== 'OFF') continue
        const id = account._id.toLowerCase()
        const before = known.get(id)
        if (before && before.at > at) continue
        known.set(id, { status, at })
        if (!before || before.status === status) continue
        batch.push({
          seq: ++seq,
          at,
          accountId: account._id,
          accountName: account.name || account.numbers?.[0] || t('ID …{id}', { id: id.slice(-6) }),
          customer: account.customer ?? scopeCustomer,
          from: before.status,
          to: status,
        })
      }
      if (batch.length === 0) return
      // One answer's changes share a time; they keep the answer's order, ahead of older answers'.
      set({ ...state, changes: [...batch, ...state.changes].slice(0, MAX_CHANGES), lastBatch: batch })
      notifier?.notify(batch)
    },
    markAllSeen: () => {
      if (state.seenUpTo !== seq) set({ ...state, seenUpTo: seq })
    },
    setNotifier,
    dispose: () => {
      setNotifier(null)
      known.clear()
      set(EMPTY)
    },
  }
}

/** Per account (lowercased id), its newest change not seen yet. */
export function unseenByAccount(state: ChangeLogState): ReadonlyMap<string, StatusChange> {
  const latest = new Map<string, StatusChange>()
  for (const change of state.changes) {
    const id = change.accountId.toLowerCase()
    if (change.seq > state.seenUpTo && !latest.has(id)) latest.set(id, change)
  }
  return latest
}
