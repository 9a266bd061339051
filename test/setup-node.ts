import { afterEach, beforeEach, vi } from 'vitest'

// console.error during a test fails it: an error nobody asserted on is a bug.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error')
})
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? []
  errorSpy?.mockRestore()
  if (calls.length > 0) throw new Error(`console.error was called:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`)
})
