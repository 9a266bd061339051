import { expect, test } from 'vitest'
import { DASH, formatMinutes, formatRange, textOrDash } from './format.ts'

test('the range reads like "101–200 of 1,234"', () => {
  expect(formatRange(100, 100, 1234)).toBe('101–200 of 1,234')
  expect(formatRange(1200, 34, 1234)).toBe('1,201–1,234 of 1,234')
  expect(formatRange(0, 0, 0)).toBe('0 of 0')
})

test('missing values are an em dash, never "undefined"', () => {
  expect(textOrDash(undefined)).toBe(DASH)
  expect(textOrDash(null)).toBe(DASH)
  expect(textOrDash('')).toBe(DASH)
  expect(textOrDash(0)).toBe('0')
})

test('seconds are shown as whole minutes', () => {
  expect(formatMinutes(3600 * 25)).toBe('1,500 min')
})
