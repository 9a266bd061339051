import { formatInteger, perLocale, t } from './i18n.ts'

/** Shown for every missing value, so a cell never reads "undefined" or "null". */
export const DASH = '—'

/** "1,304" in English, "1.304" in Danish (the active language). */
export function formatCount(value: number): string {
  return formatInteger(value)
}

/** "101–200 of 1,234" / "101–200 af 1.234"; the range is clamped to what actually exists. */
export function formatRange(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return t('0 of {total}', { total })
  return t('{from}–{to} of {total}', { from: offset + 1, to: offset + shown, total })
}

export function formatMinutes(seconds: number): string {
  return t('{minutes} min', { minutes: Math.round(seconds / 60) })
}

const dayFormat = perLocale((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))

/** "4 Mar 2025" / "4. mar. 2025". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return DASH
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return dayFormat().format(date)
}

export function formatYesNo(value: boolean | null | undefined): string {
  if (value == null) return DASH
  return value ? t('Yes') : t('No')
}

export function textOrDash(value: string | number | null | undefined): string {
  if (value == null || value === '') return DASH
  return String(value)
}
