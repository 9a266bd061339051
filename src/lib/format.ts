/** Shown for every missing value, so a cell never reads "undefined" or "null". */
export const DASH = '—'

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatCount(value: number): string {
  return integer.format(value)
}

/** "101–200 of 1,234"; the range is clamped to what actually exists. */
export function formatRange(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${formatCount(total)}`
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`
}

export function formatMinutes(seconds: number): string {
  return `${integer.format(Math.round(seconds / 60))} min`
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return DASH
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date)
}

export function formatYesNo(value: boolean | null | undefined): string {
  if (value == null) return DASH
  return value ? 'Yes' : 'No'
}

export function textOrDash(value: string | number | null | undefined): string {
  if (value == null || value === '') return DASH
  return String(value)
}
