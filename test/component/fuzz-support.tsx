import { render, screen, waitFor } from '@testing-library/react'
import { vi } from 'vitest'
import type { DemoUserKey } from '../../server/demo-users.ts'
import { App } from '../../src/app/app.tsx'
import { createQueryClient } from '../../src/app/query-client.ts'
import { createSessionStore, type Session } from '../../src/features/auth/session-store.ts'
import { parseListSearch } from '../../src/features/sip-accounts/list/list-params.ts'
import type { ReferenceApi } from '../reference-api.ts'

/*
 * Shared by the fuzz tests: render the whole app signed in (no sign-in round trip, so a case costs
 * only its own requests), wait until it has settled, and say what the user ended up with.
 */

/** A signed-in session for a demo user, as the sign-in would have made it. */
export function sessionFor(api: ReferenceApi, key: DemoUserKey): Session {
  const user = api.users[key]
  return {
    token: api.tokenFor(key, { persist: true }),
    employee: user.employeeId,
    customer: user.customerId,
    accessLevel: user.accessLevel,
    name: user.name,
    customerName: null,
    language: null,
  }
}

export type Outcome = 'rows' | 'empty' | 'alert'

export interface FuzzBatch {
  /** "cases 1–5": stable, so a batch keeps its name (and its place in Vitest's timing cache). */
  label: string
  seed: number
  numRuns: number
}

/**
 * A fuzz run's cases in batches of `size`, each a test of its own with its own random seed, so no
 * test runs long (docs/testing.md, "Fast, honest tests"). fast-check prints the seed of a failing
 * batch; FUZZ_SEED=<seed> then runs that seed alone, with all the run's cases (the same sequence,
 * so the failing case comes again).
 */
export function fuzzBatches(runs: number, size = 5): FuzzBatch[] {
  const replay = process.env.FUZZ_SEED
  if (replay) return [{ label: `seed ${replay}`, seed: Number(replay), numRuns: runs }]
  return Array.from({ length: Math.ceil(runs / size) }, (_, index) => {
    const first = index * size + 1
    const numRuns = Math.min(size, runs - index * size)
    return { label: `cases ${first}–${first + numRuns - 1}`, seed: Math.floor(Math.random() * 0x7fffffff), numRuns }
  })
}

/** console.error is a spy during tests (test/setup-node.ts); its calls so far. */
export function consoleErrors(): number {
  return vi.isMockFunction(console.error) ? vi.mocked(console.error).mock.calls.length : 0
}

/** The text that means the error boundary caught something. */
export const CRASHED = 'Something went wrong in the dashboard'

/**
 * Renders the app at `url` for `session`, waits until the list (and the drawer, if the URL opens
 * one) has settled, and unmounts. Throws if the error boundary showed or nothing recognisable appeared.
 */
export async function renderSettled(url: string, session: Session): Promise<{ outcome: Outcome; drawer: boolean }> {
  // A valid ?account= opens the drawer (a lazy chunk): then it too must have settled.
  const expectsDrawer = parseListSearch(new URL(url, window.location.origin).search).account !== undefined
  window.history.replaceState(null, '', url)
  const store = createSessionStore(undefined)
  store.signIn(session)
  const view = render(<App queryClient={createQueryClient({ retry: false })} sessionStore={store} />)
  try {
    let outcome: Outcome | undefined
    await waitFor(
      () => {
        if (document.body.textContent?.includes(CRASHED)) throw new Error('crashed')
        outcome = settledOutcome()
        if (!outcome) throw new Error('not settled yet')
        const dialog = screen.queryByRole('dialog')
        if (expectsDrawer && !dialog) throw new Error('drawer not open yet')
        if (dialog && !dialog.querySelector('[role="alert"], section')) throw new Error('drawer not settled yet')
      },
      { timeout: 8000, interval: 10 },
    ).catch((error: unknown) => {
      if (document.body.textContent?.includes(CRASHED)) throw new Error(`the error boundary caught an error at ${url}`)
      throw error
    })
    if (!outcome) throw new Error(`nothing recognisable at ${url}`)
    return { outcome, drawer: screen.queryByRole('dialog') !== null }
  } finally {
    view.unmount()
  }
}

function settledOutcome(): Outcome | undefined {
  if (document.querySelector('main [role="alert"]')) return 'alert'
  const table = screen.queryByRole('table', { name: 'SIP accounts' })
  if (!table || table.getAttribute('aria-busy') === 'true') return undefined
  // Not busy: either real rows or one of the empty states (each says why).
  return table.querySelector('tbody td') ? 'rows' : 'empty'
}
