import { useId } from 'react'
import { formatCount } from '../../../lib/format.ts'
import { msg, type Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import './status-filter.css'

// The API's codes (ON/OFF) stay codes inside the tooltip.
const OPTIONS = [
  { label: msg('All'), value: undefined, title: undefined, count: 'all' },
  { label: msg('Up'), value: true, title: msg('Status ON'), count: 'up' },
  { label: msg('Down'), value: false, title: msg('Status OFF'), count: 'down' },
] as const

/** How many accounts each choice holds for the current scope and search; absent: not known (yet). */
export interface StatusFilterCounts {
  all: number | undefined
  up: number | undefined
  down: number | undefined
  pbx: number | undefined
  /** Numbers of the previous scope or search, shown (dimmed) until the new ones arrive. */
  stale: boolean
}

interface StatusFilterProps {
  up: boolean | undefined
  counts?: StatusFilterCounts | undefined
  onChange: (up: boolean | undefined) => void
}

/**
 * All / Up / Down → `up` absent / true / false: the words of the status badges, each with its count
 * ("Down 426"; decision 043). Hosted PBX trunks have no status, so they are only under All; the note
 * says how many, or Up + Down would not add up.
 */
export function StatusFilter({ up, counts, onChange }: StatusFilterProps) {
  const labelId = useId()
  const noteId = useId()
  const name = useId()
  const { t } = useI18n()
  return (
    <div className="status-filter">
      <div role="radiogroup" aria-labelledby={labelId} aria-describedby={noteId} className="segmented">
        <span id={labelId} className="segmented-label">
          {t('Status')}
        </span>
        {OPTIONS.map((option) => {
          const count = counts?.[option.count]
          return (
            <label key={option.label} className="segment" title={option.title && t(option.title)}>
              <input type="radio" name={name} checked={up === option.value} onChange={() => onChange(option.value)} />
              <span className="segment-face">
                {t(option.label)}
                {count === undefined ? null : (
                  <>
                    {' '}
                    <span className={counts?.stale ? 'segment-count is-stale' : 'segment-count'}>{formatCount(count)}</span>
                  </>
                )}
              </span>
            </label>
          )
        })}
      </div>
      <span id={noteId} className="status-filter-note">
        {pbxNote(counts?.pbx, t)}
      </span>
    </div>
  )
}

function pbxNote(pbx: number | undefined, t: Translate): string {
  if (pbx === undefined) return t('All = Up + Down + PBX trunks (no status)')
  if (pbx === 0) return t('All = Up + Down (no PBX trunks here)')
  return t('All = Up + Down + {count, plural, one {# PBX trunk} other {# PBX trunks}} without status', { count: pbx })
}
