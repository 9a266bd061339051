import { expect, test } from 'vitest'
import { updatedAgo } from './relative-time.ts'

test('short relative times for the live status line', () => {
  const t = 1_000_000
  expect(updatedAgo(t, t + 1_000)).toBe('just now')
  expect(updatedAgo(t, t + 12_000)).toBe('12 s ago')
  expect(updatedAgo(t, t + 185_000)).toBe('3 min ago')
  expect(updatedAgo(t, t + 2 * 3_600_000)).toBe('2 h ago')
  expect(updatedAgo(t + 5_000, t)).toBe('just now')
})
