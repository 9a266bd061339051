import { expect, test } from 'vitest'
import { monthlyUsage } from './voice-usage.ts'

const month = (date: string, minutes: number) => ({ date, secsOutHomeland: minutes * 60 })

test('twelve months ending with the newest in the data, oldest first, seconds as whole minutes', () => {
  const usage = Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 10 + i, 1)).toISOString()
    return { date, secsOutHomeland: (i + 1) * 60 + 29 }
  })
  const result = monthlyUsage([...usage].reverse())
  expect(result?.period).toBe('Nov 2024 – Oct 2025')
  expect(result?.bars.map((bar) => bar.key)).toEqual([
    '2024-11',
    '2024-12',
    '2025-01',
    '2025-02',
    '2025-03',
    '2025-04',
    '2025-05',
    '2025-06',
    '2025-07',
    '2025-08',
    '2025-09',
    '2025-10',
  ])
  expect(result?.bars.map((bar) => bar.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  expect(result?.bars[0]).toMatchObject({ label: 'Nov', description: 'November 2024' })
  expect(result?.bars[11]).toMatchObject({ label: 'Oct', description: 'October 2025' })
})

test('missing months are 0, older months fall out of the window, one month twice is added up', () => {
  const result = monthlyUsage([
    month('2023-01-01T00:00:00.000Z', 999),
    month('2025-03-01T00:00:00.000Z', 10),
    month('2025-03-01T00:00:00.000Z', 5),
    month('2025-06-01T00:00:00.000Z', 7),
  ])
  expect(result?.bars).toHaveLength(12)
  expect(result?.bars[0]?.key).toBe('2024-07')
  const values = Object.fromEntries(result?.bars.map((bar) => [bar.key, bar.value]) ?? [])
  expect(values['2025-03']).toBe(15)
  expect(values['2025-06']).toBe(7)
  expect(Object.values(values).reduce((sum, value) => sum + value, 0)).toBe(22)
})

test('the month is read as the API wrote it, whatever the offset', () => {
  const result = monthlyUsage([month('2025-10-01T00:00:00+02:00', 3)])
  expect(result?.bars.at(-1)).toMatchObject({ key: '2025-10', value: 3 })
})

test('no usable dates → no chart; bad entries are skipped, negative seconds count as 0', () => {
  expect(monthlyUsage([])).toBeNull()
  expect(monthlyUsage([month('soon', 4), month('2025-13-01', 4)])).toBeNull()
  const result = monthlyUsage([month('nonsense', 4), { date: '2025-02-01', secsOutHomeland: -600 }])
  expect(result?.bars.at(-1)).toMatchObject({ key: '2025-02', value: 0 })
})

test('months are named in the language asked for: Danish "jan.", "januar 2025"', () => {
  const result = monthlyUsage([month('2025-01-01T00:00:00.000Z', 5)], 'da')
  expect(result?.bars.at(-1)).toMatchObject({ label: 'jan.', description: 'januar 2025' })
  expect(result?.period).toBe('feb. 2024 – jan. 2025')
  // English is unchanged, and each language keeps its own formatters.
  expect(monthlyUsage([month('2025-01-01T00:00:00.000Z', 5)], 'en')?.bars.at(-1)).toMatchObject({
    label: 'Jan',
    description: 'January 2025',
  })
})
