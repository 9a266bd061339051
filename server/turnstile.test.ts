import { expect, test } from 'vitest'
import { createTurnstile } from './turnstile.ts'

/** Resolves after the current turn's immediates (and one more turn's poll) have run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

test('each waiter gets its own turn of the event loop, in arrival order', async () => {
  const turn = createTurnstile()
  const order: number[] = []
  const all = [1, 2, 3].map((n) => turn().then(() => void order.push(n)))
  await nextTurn()
  expect(order).toEqual([1])
  await nextTurn()
  expect(order).toEqual([1, 2])
  await nextTurn()
  expect(order).toEqual([1, 2, 3])
  await Promise.all(all)
})

test('a waiter that arrives when nobody waits goes on the next turn', async () => {
  const turn = createTurnstile()
  let passed = false
  const waiting = turn().then(() => {
    passed = true
  })
  expect(passed).toBe(false)
  await nextTurn()
  expect(passed).toBe(true)
  await waiting
})
