import { afterEach, beforeEach, vi, type MockInstance } from 'vitest'

// console.error during a test fails it: an error nobody asserted on is a bug.
let errorSpy: MockInstance<typeof console.error> | undefined
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error')
})
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? []
  errorSpy?.mockRestore()
  if (calls.length > 0) {
    throw new Error(`console.error was called:\n${calls.map((call) => call.map(String).join(' ')).join('\n')}`)
  }
})
