/*
 * Failed sign-ins are limited in three fixed windows (see docs/decisions/020-login-throttle-policy.md):
 *   - per account and client address (the classic "5 tries a minute"),
 *   - per client address across accounts (password spraying),
 *   - per account across addresses (a distributed guess; higher, so one address cannot lock it).
 * An attempt is reserved before the slow password hash and counts as a failure while in flight, so
 * N parallel requests get at most `limit` checks. A window is fixed from its first failure and
 * refused attempts are not recorded, so a flood cannot keep extending a lockout.
 */

export interface LoginThrottleLimits {
  windowMs: number
  /** Failures per account from one client address. */
  accountAddressLimit: number
  /** Failures per account from all addresses together. */
  accountLimit: number
  /** Failures per client address, whatever the accounts. */
  addressLimit: number
  /** Entries kept per counter; bounds memory under a flood of distinct e-mails or addresses. */
  maxKeys: number
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  windowMs: 60_000,
  accountAddressLimit: 5,
  accountLimit: 50,
  addressLimit: 20,
  maxKeys: 10_000,
}

/** How a reserved attempt ended. `unchecked`: the credentials were never judged (e.g. a code is still needed). */
export type AttemptOutcome = 'failure' | 'success' | 'unchecked'

export interface ReservedAttempt {
  /** Call exactly once; later calls are ignored. */
  finish(outcome: AttemptOutcome): void
}

export type Reservation =
  { ok: true; attempt: ReservedAttempt } | { ok: false; reason: 'account' | 'address' | 'full'; retryAfterSeconds: number }

interface Entry {
  /** When the first failure of the current window happened; null while there is none. */
  windowStart: number | null
  failures: number
  inFlight: number
}

/** One family of counters (by account, by address, …) with a fixed window each. */
class FailureCounter {
  private readonly entries = new Map<string, Entry>()
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size
  }

  /** The entry with an ended window reset; undefined if there is none. */
  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && entry.windowStart !== null && this.now() >= entry.windowStart + this.windowMs) {
      entry.windowStart = null
      entry.failures = 0
    }
    return entry
  }

  /** Seconds until another attempt may be checked, or null if one may be now. */
  blockedFor(key: string): number | null {
    const entry = this.current(key)
    if (!entry || entry.failures + entry.inFlight < this.limit) return null
    if (entry.failures >= this.limit && entry.windowStart !== null) {
      return Math.max(1, Math.ceil((entry.windowStart + this.windowMs - this.now()) / 1000))
    }
    // Blocked by attempts still being checked: their outcome is a moment away.
    return 1
  }

  /** True if `key` has, or can get, an entry without dropping a locked or busy one. */
  makeRoom(key: string): boolean {
    if (this.entries.has(key) || this.entries.size < this.maxKeys) return true
    for (const [k] of this.entries) {
      const entry = this.current(k)
      if (entry && entry.inFlight === 0 && entry.failures === 0) this.entries.delete(k)
    }
    if (this.entries.size < this.maxKeys) return true
    // Oldest first; a locked-out entry is never the one evicted, so a flood of other keys cannot
    // lift a lockout. Entries with attempts in flight stay too (their finish() needs them).
    for (const [k, entry] of this.entries) {
      if (entry.inFlight === 0 && entry.failures < this.limit) {
        this.entries.delete(k)
        return true
      }
    }
    return false
  }

  reserve(key: string): void {
    const entry = this.current(key)
    if (entry) entry.inFlight++
    else this.entries.set(key, { windowStart: null, failures: 0, inFlight: 1 })
  }

  finish(key: string, outcome: AttemptOutcome, clearOnSuccess: boolean): void {
    const entry = this.current(key)
    if (!entry) return
    entry.inFlight = Math.max(0, entry.inFlight - 1)
    if (outcome === 'failure') {
      entry.windowStart ??= this.now()
      entry.failures++
    } else if (outcome === 'success' && clearOnSuccess) {
      entry.windowStart = null
      entry.failures = 0
    }
    if (entry.inFlight === 0 && entry.failures === 0) this.entries.delete(key)
  }
}

export class LoginThrottle {
  private readonly byAccountAddress: FailureCounter
  private readonly byAccount: FailureCounter
  private readonly byAddress: FailureCounter

  private readonly windowSeconds: number

  constructor(limits: LoginThrottleLimits, now: () => number) {
    const { windowMs, maxKeys } = limits
    this.windowSeconds = Math.ceil(windowMs / 1000)
    this.byAccountAddress = new FailureCounter(limits.accountAddressLimit, windowMs, maxKeys, now)
    this.byAccount = new FailureCounter(limits.accountLimit, windowMs, maxKeys, now)
    this.byAddress = new FailureCounter(limits.addressLimit, windowMs, maxKeys, now)
  }

  /** Entries held, for tests of the memory bound. */
  get size(): number {
    return this.byAccountAddress.size + this.byAccount.size + this.byAddress.size
  }

  /** Reserves one check of `account`'s credentials from `address`, or says why not. */
  reserve(account: string, address: string): Reservation {
    const pairKey = `${account}\n${address}`
    const addressBlocked = this.byAddress.blockedFor(address)
    if (addressBlocked !== null) return { ok: false, reason: 'address', retryAfterSeconds: addressBlocked }
    const blocked = this.byAccountAddress.blockedFor(pairKey) ?? this.byAccount.blockedFor(account)
    if (blocked !== null) return { ok: false, reason: 'account', retryAfterSeconds: blocked }
    const room = this.byAccountAddress.makeRoom(pairKey) && this.byAccount.makeRoom(account) && this.byAddress.makeRoom(address)
    if (!room) return { ok: false, reason: 'full', retryAfterSeconds: this.windowSeconds }

    this.byAccountAddress.reserve(pairKey)
    this.byAccount.reserve(account)
    this.byAddress.reserve(address)
    let finished = false
    return {
      ok: true,
      attempt: {
        finish: (outcome) => {
          if (finished) return
          finished = true
          this.byAccountAddress.finish(pairKey, outcome, true)
          this.byAccount.finish(account, outcome, true)
          // An address's failures survive its successes: otherwise a sprayer with one valid
          // account of its own could reset its count between guesses.
          this.byAddress.finish(address, outcome, false)
        },
      },
    }
  }
}
