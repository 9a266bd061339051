/* Helpers for the Changes panel and the drawer (they load with them, not with the list). */
import { activeLocale, perLocale, type Locale } from '../../../lib/i18n.ts'
import type { ChangeLogState, StatusChange } from './change-log.ts'

const clocksFor = perLocale((tag) => ({
  clock: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
  clockWithDay: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
}))

/** "14:02" today, "3 Mar, 14:02" on another day (local time); Danish "14.02", "3. mar. 14.02". */
export function formatChangeTime(at: number, now: number = Date.now(), locale: Locale = activeLocale()): string {
  const day = (ms: number) => new Date(ms).toDateString()
  const { clock, clockWithDay } = clocksFor(locale)
  return day(at) === day(now) ? clock.format(at) : clockWithDay.format(at)
}

/** The account's newest change in the log (seen or not). */
export function latestChangeOf(state: ChangeLogState, accountId: string): StatusChange | undefined {
  const id = accountId.toLowerCase()
  return state.changes.find((change) => change.accountId.toLowerCase() === id)
}
