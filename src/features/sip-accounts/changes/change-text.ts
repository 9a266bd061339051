/* Helpers for the Changes panel and the drawer (they load with them, not with the list). */
import type { ChangeLogState, StatusChange } from './change-log.ts'

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const clockWithDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

/** "14:02" today, "3 Mar, 14:02" on another day (local time). */
export function formatChangeTime(at: number, now: number = Date.now()): string {
  const day = (ms: number) => new Date(ms).toDateString()
  return day(at) === day(now) ? clock.format(at) : clockWithDay.format(at)
}

/** "went down" / "came up". */
export function changeVerb(change: Pick<StatusChange, 'to'>): string {
  return change.to === 'OFF' ? 'went down' : 'came up'
}

/** The account's newest change in the log (seen or not). */
export function latestChangeOf(state: ChangeLogState, accountId: string): StatusChange | undefined {
  const id = accountId.toLowerCase()
  return state.changes.find((change) => change.accountId.toLowerCase() === id)
}
