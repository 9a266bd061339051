import { useId } from 'react'
import './status-filter.css'

const OPTIONS = [
  { label: 'All', value: undefined, title: undefined },
  { label: 'Up', value: true, title: 'Status ON' },
  { label: 'Down', value: false, title: 'Status OFF' },
] as const

/**
 * All / Up / Down → `up` absent / true / false: the words of the status badges. Hosted PBX trunks
 * have no status, so they are only under All; the note says so, or Up + Down would not add up.
 */
export function StatusFilter({ up, onChange }: { up: boolean | undefined; onChange: (up: boolean | undefined) => void }) {
  const labelId = useId()
  const noteId = useId()
  const name = useId()
  return (
    <div className="status-filter">
      <div role="radiogroup" aria-labelledby={labelId} aria-describedby={noteId} className="segmented">
        <span id={labelId} className="segmented-label">
          Status
        </span>
        {OPTIONS.map((option) => (
          <label key={option.label} className="segment" title={option.title}>
            <input type="radio" name={name} checked={up === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <span id={noteId} className="status-filter-note">
        All = Up + Down + PBX trunks (no status)
      </span>
    </div>
  )
}
