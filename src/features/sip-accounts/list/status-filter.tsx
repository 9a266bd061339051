import { useId } from 'react'
import './status-filter.css'

const OPTIONS = [
  { label: 'All', value: undefined },
  { label: 'Up', value: true },
  { label: 'Down', value: false },
] as const

/** All / Up / Down → `up` absent / true / false. */
export function StatusFilter({ up, onChange }: { up: boolean | undefined; onChange: (up: boolean | undefined) => void }) {
  const labelId = useId()
  const name = useId()
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="segmented">
      <span id={labelId} className="segmented-label">
        Status
      </span>
      {OPTIONS.map((option) => (
        <label key={option.label} className="segment">
          <input type="radio" name={name} checked={up === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  )
}
