import type { VoiceUsage } from '../../../api/sip-account.ts'
import type { Bar } from '../../../components/bar-chart.tsx'
import { activeLocale, perLocale, type Locale } from '../../../lib/i18n.ts'

export const USAGE_MONTHS = 12

export interface MonthlyUsage {
  bars: Bar[]
  /** "Nov 2024 – Oct 2025": the window the bars cover. */
  period: string
}

/** Built once per language, not per render. */
const monthFormatsFor = perLocale((tag) => ({
  /** "Nov" / "nov." */
  short: new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }),
  /** "November 2025" / "november 2025" */
  long: new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  /** "Nov 2025" / "nov. 2025" */
  monthYear: new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
}))

/**
 * A month index (year × 12 + month, UTC) for an entry's date. The API names a month with an ISO
 * string ("2025-10-01T00:00:00.000Z"); its leading YYYY-MM is taken as written, so an offset such
 * as "2025-10-01T00:00:00+02:00" still means October rather than 30 September in UTC. Anything
 * else is parsed as a date; unparsable dates are dropped.
 */
function monthIndex(date: string): number | null {
  const match = /^(\d{4})-(\d{2})/.exec(date)
  if (match) {
    const month = Number(match[2])
    return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null
  }
  const parsed = new Date(date)
  return Number.isNaN(parsed.getTime()) ? null : parsed.getUTCFullYear() * 12 + parsed.getUTCMonth()
}

function monthStart(index: number): Date {
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1))
}

/**
 * The last 12 months of outgoing minutes (homeland), oldest first. "Last" means the 12 months
 * ending with the newest month in the data, not with today: the API computes the window, and a
 * fixed seed must not turn into twelve empty months as time passes. Months the API leaves out
 * are 0; two entries for one month are added up; seconds become whole minutes (rounded); a
 * negative value counts as 0. No entries with a usable date → null (no chart at all). Months are
 * named in `locale` (the page's language).
 */
export function monthlyUsage(usage: readonly VoiceUsage[], locale: Locale = activeLocale()): MonthlyUsage | null {
  const seconds = new Map<number, number>()
  for (const entry of usage) {
    const index = monthIndex(entry.date)
    if (index === null) continue
    seconds.set(index, (seconds.get(index) ?? 0) + Math.max(0, entry.secsOutHomeland))
  }
  if (seconds.size === 0) return null
  const last = Math.max(...seconds.keys())
  const first = last - USAGE_MONTHS + 1
  const { short, long, monthYear } = monthFormatsFor(locale)
  const bars: Bar[] = []
  for (let index = first; index <= last; index++) {
    const start = monthStart(index)
    bars.push({
      key: start.toISOString().slice(0, 7),
      label: short.format(start),
      description: long.format(start),
      value: Math.round((seconds.get(index) ?? 0) / 60),
    })
  }
  return { bars, period: `${monthYear.format(monthStart(first))} – ${monthYear.format(monthStart(last))}` }
}
