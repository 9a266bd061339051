import * as z from 'zod/mini'
import { DEFAULT_DB_PATH } from './database.ts'
import { DEFAULT_ACCOUNTS } from './seed.ts'

export interface ServerConfig {
  port: number
  dbPath: string
  reset: boolean
  accounts: number
  latencyMs: number
  simulateStatus: boolean
  /** One line per request as it arrives (method and path, never headers or the query string). */
  logRequests: boolean
  /**
   * Take the login throttle's client address from the last X-Forwarded-For hop (only a trusted
   * proxy in front may append it). Off by default: any client can write that header.
   */
  trustProxy: boolean
}

export const DEFAULT_API_PORT = 8787

/** A bad flag or environment variable: the message is one line, printed without a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const intFrom = (name: string, min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d+$/, `${name} must be a whole number`)), z.transform(Number)),
    z.number().check(z.gte(min, `${name} must be ≥ ${min}`), z.lte(max, `${name} must be ≤ ${max}`)),
  )
const flag = z.pipe(
  z.enum(['1', '0', 'true', 'false', 'yes', 'no', '']),
  z.transform((v) => v === '1' || v === 'true' || v === 'yes'),
)

const EnvSchema = z.object({
  API_PORT: z.optional(intFrom('API_PORT', 0, 65535)),
  DB_PATH: z.optional(z.string().check(z.minLength(1))),
  TELECOMX_RESET: z.optional(flag),
  TELECOMX_ACCOUNTS: z.optional(intFrom('TELECOMX_ACCOUNTS', 100, 2_000_000)),
  API_LATENCY_MS: z.optional(intFrom('API_LATENCY_MS', 0, 60_000)),
  TELECOMX_SIMULATE: z.optional(flag),
  TELECOMX_LOG_REQUESTS: z.optional(flag),
  TELECOMX_TRUST_PROXY: z.optional(flag),
})

/**
 * Flags win over environment variables:
 * --reset, --accounts N, --port N, --db PATH, --latency MS, --simulate / --no-simulate, --log-requests,
 * --trust-proxy.
 */
export function readServerConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaults: Partial<ServerConfig> = {},
): ServerConfig {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const e = parsed.data
  const config: ServerConfig = {
    port: e.API_PORT ?? defaults.port ?? DEFAULT_API_PORT,
    dbPath: e.DB_PATH ?? defaults.dbPath ?? DEFAULT_DB_PATH,
    reset: e.TELECOMX_RESET ?? defaults.reset ?? false,
    accounts: e.TELECOMX_ACCOUNTS ?? defaults.accounts ?? DEFAULT_ACCOUNTS,
    latencyMs: e.API_LATENCY_MS ?? defaults.latencyMs ?? 0,
    simulateStatus: e.TELECOMX_SIMULATE ?? defaults.simulateStatus ?? false,
    logRequests: e.TELECOMX_LOG_REQUESTS ?? defaults.logRequests ?? false,
    trustProxy: e.TELECOMX_TRUST_PROXY ?? defaults.trustProxy ?? false,
  }
  const value = (i: number, name: string): string => {
    const v = argv[i + 1]
    if (v === undefined) throw new ConfigError(`${name} needs a value`)
    return v
  }
  const int = (i: number, name: string, min: number, max: number): number => {
    const result = intFrom(name, min, max).safeParse(value(i, name))
    if (!result.success) throw new ConfigError(result.error.issues[0]?.message ?? `${name} is not valid`)
    return result.data
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--reset') config.reset = true
    else if (arg === '--simulate') config.simulateStatus = true
    else if (arg === '--no-simulate') config.simulateStatus = false
    else if (arg === '--log-requests') config.logRequests = true
    else if (arg === '--trust-proxy') config.trustProxy = true
    else if (arg === '--accounts') config.accounts = int(i++, '--accounts', 100, 2_000_000)
    else if (arg === '--port') config.port = int(i++, '--port', 0, 65535)
    else if (arg === '--latency') config.latencyMs = int(i++, '--latency', 0, 60_000)
    else if (arg === '--db') config.dbPath = value(i++, '--db')
    else
      throw new ConfigError(
        `Unknown option ${arg}. Options: --reset --accounts N --port N --db PATH --latency MS --simulate --no-simulate --log-requests --trust-proxy`,
      )
  }
  return config
}
