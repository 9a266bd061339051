import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'
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
 * A small hand-made SVG bar chart (no chart library: the bundle budget matters). Each bar shows
 * its exact value on hover or focus; a table gives the same numbers to screen readers and to
 * anyone who prefers to read them. The bars are one Tab stop (roving tabindex: ←/→, Home/End
 * move between them), so twelve months do not cost twelve Tab presses.
 */
export function BarChart({ title, bars, unit, formatValue }: BarChartProps) {
  const { t } = useI18n()
  const titleId = useId()
  const [active, setActive] = useState<string | null>(null)
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = WIDTH / Math.max(1, bars.length)
  const current = bars.find((bar) => bar.key === active)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const tabStop = bars.some((bar) => bar.key === focusKey) ? focusKey : (bars[0]?.key ?? null)
  const svg = useRef<SVGSVGElement>(null)

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const index = bars.findIndex((bar) => bar.key === tabStop)
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: bars.length - 1 }
    const next = moves[event.key]
    if (next === undefined || bars.length === 0) return
    event.preventDefault()
    const target = Math.min(Math.max(next, 0), bars.length - 1)
    setFocusKey(bars[target]?.key ?? null)
    svg.current?.querySelectorAll<SVGGElement>('.bar-chart__bar')[target]?.focus()
  }

  return (
    <figure className="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      {/* For sighted users: the focused bar's name already says the same to a screen reader. */}
      <p className="bar-chart__readout" aria-hidden="true">
        {current ? `${current.description}: ${formatValue(current.value)} ${unit}` : '\u00a0'}
      </p>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        role="group"
        aria-label={t('{title}, bars', { title })}
        onKeyDown={onKeyDown}
      >
        {bars.map((bar, index) => {
          const height = Math.round((bar.value / max) * HEIGHT)
          const x = index * slot
          return (
            <g
              key={bar.key}
              tabIndex={bar.key === tabStop ? 0 : -1}
              role="img"
              aria-label={`${bar.description}: ${formatValue(bar.value)} ${unit}`}
              className={bar.key === active ? 'bar-chart__bar is-active' : 'bar-chart__bar'}
              onMouseEnter={() => setActive(bar.key)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => {
                setActive(bar.key)
                setFocusKey(bar.key)
              }}
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
        <summary>{t('Show as table')}</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Month')}</th>
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
