import { expect, test, vi } from 'vitest'
import { debounce } from './debounce.ts'

test('only the last call of a burst runs, after the delay', () => {
  vi.useFakeTimers()
  const calls: string[] = []
  const debounced = debounce((value: string) => calls.push(value), 250)
  debounced.run('a')
  debounced.run('ab')
  vi.advanceTimersByTime(249)
  expect(calls).toEqual([])
  vi.advanceTimersByTime(1)
  expect(calls).toEqual(['ab'])
  vi.useRealTimers()
})

test('flush runs a pending call now; cancel drops it', () => {
  const calls: string[] = []
  const debounced = debounce((value: string) => calls.push(value), 250)
  debounced.run('x')
  debounced.flush()
  debounced.run('y')
  debounced.cancel()
  debounced.flush()
  expect(calls).toEqual(['x'])
})
