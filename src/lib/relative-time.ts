import { t } from './i18n.ts'

/** "just now", "12 s ago", "3 min ago", "2 h ago" (Danish "for 12 sekunder siden"…): short, for a live "Updated …" line. */
export function updatedAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 5) return t('just now')
  if (seconds < 60) return t('{seconds} s ago', { seconds })
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return t('{minutes} min ago', { minutes })
  return t('{hours} h ago', { hours: Math.floor(minutes / 60) })
}
