import { useId, useState } from 'react'
import './bar-chart.css'

export interface Bar {
  key: string
  /** Short axis label, e.g. "Nov". */
  label: string
  /** Long label for the exact value, e.g. "November 2026". */
  description: string
  value: number
}

interface BarChartProps {
  title: string
  bars: readonly Bar[]
  unit: string
  formatValue: (value: number) => string
}

const WIDTH = 360
const HEIGHT = 140
const AXIS = 18

/**
 * A small hand-made SVG bar chart (no chart library: the bundle budget matters). Each bar is
 * focusable and shows its exact value on hover or focus; a table gives the same numbers to
 * screen readers and to anyone who prefers to read them.
 */
export function BarChart({ title, bars, unit, formatValue }: BarChartProps) {
  const titleId = useId()
  const [active, setActive] = useState<string | null>(null)
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = WIDTH / Math.max(1, bars.length)
  const current = bars.find((bar) => bar.key === active)

  return (
    <figure className="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <p className="bar-chart__readout" aria-live="polite">
        {current ? `${current.description}: ${formatValue(current.value)} ${unit}` : '\u00a0'}
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="group" aria-label={`${title}, bars`}>
        {bars.map((bar, index) => {
          const height = Math.round((bar.value / max) * HEIGHT)
          const x = index * slot
          return (
            <g
              key={bar.key}
              tabIndex={0}
              role="img"
              aria-label={`${bar.description}: ${formatValue(bar.value)} ${unit}`}
              className={bar.key === active ? 'bar-chart__bar is-active' : 'bar-chart__bar'}
              onMouseEnter={() => setActive(bar.key)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(bar.key)}
              onBlur={() => setActive(null)}
            >
              <rect x={x + slot * 0.15} y={HEIGHT - height} width={slot * 0.7} height={Math.max(height, 1)} rx={2} />
              <text x={x + slot / 2} y={HEIGHT + AXIS - 4} textAnchor="middle">
                {bar.label}
              </text>
            </g>
          )
        })}
      </svg>
      <details className="bar-chart__table">
        <summary>Show as table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">{unit[0]?.toUpperCase() + unit.slice(1)}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.description}</th>
                <td>{formatValue(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
