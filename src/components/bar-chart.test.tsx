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

test('focusing a bar by keyboard shows its exact value', async () => {
  const user = userEvent.setup()
  renderChart()
  await user.tab()
  expect(screen.getByText('October 2026: 120 minutes', { selector: 'p' })).toBeInTheDocument()
  await user.tab()
  expect(screen.getByText('November 2026: 1,234 minutes', { selector: 'p' })).toBeInTheDocument()
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
