import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { BarChart, type Bar } from './bar-chart.tsx'

const bars: Bar[] = [
  { key: '2026-10', label: 'Oct', description: 'October 2026', value: 120 },
  { key: '2026-11', label: 'Nov', description: 'November 2026', value: 1234 },
]

function renderChart() {
  render(<BarChart title="Outgoing minutes" bars={bars} unit="minutes" formatValue={(v) => v.toLocaleString('en')} />)
}

test('each bar is named with its exact value', () => {
  renderChart()
  expect(screen.getByRole('img', { name: 'November 2026: 1,234 minutes' })).toBeInTheDocument()
  expect(screen.getByRole('img', { name: 'October 2026: 120 minutes' })).toBeInTheDocument()
})

test('the bars are one Tab stop; arrows, Home and End move between them and show the exact value', async () => {
  const user = userEvent.setup()
  render(
    <>
      <BarChart
        title="Outgoing minutes"
        bars={[...bars, { key: '2026-12', label: 'Dec', description: 'December 2026', value: 7 }]}
        unit="minutes"
        formatValue={(v) => v.toLocaleString('en')}
      />
      <button type="button">After</button>
    </>,
  )
  const readout = (text: string) => screen.getByText(text, { selector: 'p' })
  await user.tab()
  expect(screen.getByRole('img', { name: /October 2026/ })).toHaveFocus()
  expect(readout('October 2026: 120 minutes')).toBeInTheDocument()
  await user.keyboard('{ArrowRight}')
  expect(screen.getByRole('img', { name: /November 2026/ })).toHaveFocus()
  expect(readout('November 2026: 1,234 minutes')).toBeInTheDocument()
  await user.keyboard('{End}')
  expect(readout('December 2026: 7 minutes')).toBeInTheDocument()
  await user.keyboard('{ArrowRight}')
  expect(screen.getByRole('img', { name: /December 2026/ })).toHaveFocus()
  await user.keyboard('{Home}')
  expect(screen.getByRole('img', { name: /October 2026/ })).toHaveFocus()
  await user.keyboard('{ArrowLeft}')
  expect(screen.getByRole('img', { name: /October 2026/ })).toHaveFocus()
  await user.keyboard('{ArrowRight}')
  await user.tab()
  expect(screen.getByRole('button', { name: 'After' })).not.toHaveFocus()
  expect(screen.getByText('Show as table')).toHaveFocus()
  // Back into the chart: the bar last focused is the Tab stop.
  await user.tab({ shift: true })
  expect(screen.getByRole('img', { name: /November 2026/ })).toHaveFocus()
})

test('hovering a bar shows its exact value', async () => {
  const user = userEvent.setup()
  renderChart()
  await user.hover(screen.getByRole('img', { name: /October 2026/ }))
  expect(screen.getByText('October 2026: 120 minutes', { selector: 'p' })).toBeInTheDocument()
})

test('a table gives the same numbers', () => {
  renderChart()
  const table = screen.getByRole('table', { name: 'Outgoing minutes', hidden: true })
  const rows = within(table).getAllByRole('row', { hidden: true })
  expect(rows.map((row) => row.textContent)).toEqual(['MonthMinutes', 'October 2026120', 'November 20261,234'])
})
