import { act } from '@testing-library/react'
import { vi } from 'vitest'

/*
 * A fake clock for whole-app tests that must wait for the app's own timers (retry backoff, the 30 s
 * refresh, a highlight that fades). Install it before rendering, so the app's timers are fake.
 * `shouldAdvanceTime` keeps it moving with real time too, because MSW, the reference server and
 * React still need the event loop; the test then jumps over the waits instead of sleeping through
 * them. Call vi.useRealTimers() in afterEach.
 */
export function installFakeClock(): void {
  vi.useFakeTimers({ shouldAdvanceTime: true })
}

/** Moves the fake clock on by `ms`, running every timer that falls due and what it starts. */
export async function advance(ms: number): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms))
}

/**
 * Moves the fake clock on in small steps until `check` passes; fails with the check's error once
 * `maxMs` of fake time have passed. For waits whose length the app decides (a backoff).
 */
export async function advanceUntil(check: () => void, { stepMs = 100, maxMs = 15_000 } = {}): Promise<void> {
  for (let elapsed = 0; ; elapsed += stepMs) {
    try {
      check()
      return
    } catch (error) {
      if (elapsed >= maxMs) throw error
    }
    await advance(stepMs)
  }
}
