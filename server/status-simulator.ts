import type { Database } from 'better-sqlite3'
import * as z from 'zod/mini'
import { DEMO_CUSTOMER_IDS } from './demo-users.ts'
import { createRng } from './prng.ts'
import { createStore } from './store.ts'

export interface StatusSimulatorOptions {
  intervalMs?: number
  /** Trunks flipped per tick in the demo customer, and as many anywhere else. */
  flipsPerTick?: number
  seed?: number
}

const CandidateSchema = z.object({ id: z.string(), customer: z.string(), status: z.string() })

/**
 * Flips a few active, non-PBX trunks ON↔OFF every few seconds so the dashboard's live status
 * has something to show. Half the flips land in the demo customer, where the demo users look.
 * On in `npm start`, off by default and in tests.
 */
export function startStatusSimulator(db: Database, options: StatusSimulatorOptions = {}): { stop(): void } {
  const store = createStore(db)
  const rng = createRng(options.seed ?? 7)
  const flips = options.flipsPerTick ?? 2
  const candidates = db
    .prepare(
      "SELECT id, customer, status FROM sip_accounts WHERE pbx = 0 AND status IS NOT NULL AND json_extract(full_json, '$.active') = 1",
    )
    .all()
    .flatMap((row) => {
      const parsed = CandidateSchema.safeParse(row)
      return parsed.success ? [parsed.data] : []
    })
  const demo = candidates.filter((c) => c.customer === DEMO_CUSTOMER_IDS.demoCustomer)
  const status = new Map(candidates.map((c) => [c.id, c.status]))
  const flip = (pool: typeof candidates): void => {
    if (pool.length === 0) return
    const { id } = rng.pick(pool)
    const next = status.get(id) === 'ON' ? 'OFF' : 'ON'
    status.set(id, next)
    store.setStatus(id, next)
  }
  const timer = setInterval(() => {
    for (let i = 0; i < flips; i++) {
      flip(demo)
      flip(candidates)
    }
  }, options.intervalMs ?? 3000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
