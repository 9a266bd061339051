import * as z from 'zod/mini'

/**
 * bench-results/server.json as `npm run bench:server` writes it: read by `npm run bench` (which
 * runs it) and by `npm run perf:report` (which renders it into docs/performance.md).
 */
export const ServerJsonSchema = z.looseObject({
  date: z.string(),
  accounts: z.number(),
  runsPerRow: z.number(),
  cpus: z.optional(z.number()),
  node: z.optional(z.string()),
  indexBuildMs: z.optional(z.number()),
  target: z.optional(z.looseObject({ p50: z.number(), p99: z.number() })),
  filterWorst: z.optional(z.looseObject({ p50: z.number(), p99: z.number(), met: z.boolean() })),
  rows: z.array(
    z.looseObject({
      scenario: z.string(),
      via: z.string(),
      scope: z.string(),
      total: z.number(),
      p50: z.number(),
      p99: z.number(),
      max: z.optional(z.number()),
    }),
  ),
})
export type ServerJson = z.infer<typeof ServerJsonSchema>
