import { describe, expect, test } from 'vitest'
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, type LoginThrottleLimits, type ReservedAttempt } from './login-throttle.ts'

function setup(limits: Partial<LoginThrottleLimits> = {}) {
  const clock = { now: 1_700_000_000_000 }
  const throttle = new LoginThrottle({ ...DEFAULT_LOGIN_LIMITS, ...limits }, () => clock.now)
  const reserve = (account: string, address = '192.0.2.1'): ReservedAttempt => {
    const result = throttle.reserve(account, address)
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    return result.attempt
  }
  const fail = (account: string, address = '192.0.2.1', times = 1) => {
    for (let i = 0; i < times; i++) reserve(account, address).finish('failure')
  }
  return { clock, throttle, reserve, fail }
}

describe('reservations', () => {
  test('attempts in flight count: the 6th parallel reservation is refused before any outcome is known', () => {
    const { throttle, reserve } = setup()
    const inFlight = Array.from({ length: 5 }, () => reserve('a@x.test'))
    expect(throttle.reserve('a@x.test', '192.0.2.1')).toEqual({ ok: false, reason: 'account', retryAfterSeconds: 1 })
    // A success releases its slot and clears the account's failures.
    inFlight[0]?.finish('success')
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(true)
  })

  test('unchecked attempts (a second factor still needed) release their slot without counting', () => {
    const { throttle, reserve } = setup()
    for (let i = 0; i < 10; i++) reserve('a@x.test').finish('unchecked')
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(true)
  })

  test('finish is idempotent: a second call does not release a slot twice', () => {
    const { throttle, reserve } = setup({ accountAddressLimit: 2 })
    const first = reserve('a@x.test')
    reserve('a@x.test')
    first.finish('unchecked')
    first.finish('unchecked')
    reserve('a@x.test')
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(false)
  })

  test('an address keeps its failures when it signs in successfully elsewhere', () => {
    const { throttle, reserve, fail } = setup({ addressLimit: 3 })
    fail('victim-1@x.test')
    fail('victim-2@x.test')
    reserve('attacker-own@x.test').finish('success')
    fail('victim-3@x.test')
    expect(throttle.reserve('victim-4@x.test', '192.0.2.1')).toMatchObject({ ok: false, reason: 'address' })
  })
})

describe('fixed windows', () => {
  test('a lockout ends windowMs after its first failure, however often it is retried meanwhile', () => {
    const { clock, throttle, fail } = setup()
    fail('a@x.test', '192.0.2.1', 5)
    for (let i = 0; i < 59; i++) {
      clock.now += 1_000
      const refused = throttle.reserve('a@x.test', '192.0.2.1')
      expect(refused).toMatchObject({ ok: false, reason: 'account', retryAfterSeconds: 60 - (i + 1) })
    }
    clock.now += 1_000
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(true)
  })

  test('the window starts at the first failure, not the last: failures spread over it do not slide it', () => {
    const { clock, throttle, fail } = setup()
    fail('a@x.test')
    clock.now += 50_000
    fail('a@x.test', '192.0.2.1', 4)
    expect(throttle.reserve('a@x.test', '192.0.2.1')).toMatchObject({ ok: false, retryAfterSeconds: 10 })
    clock.now += 10_000
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(true)
  })

  test('one address locks only its own pair; other addresses still get checks until the account-wide cap', () => {
    const { throttle, fail } = setup({ accountLimit: 12 })
    fail('a@x.test', '192.0.2.1', 5)
    expect(throttle.reserve('a@x.test', '192.0.2.1').ok).toBe(false)
    fail('a@x.test', '192.0.2.2', 5)
    fail('a@x.test', '192.0.2.3', 2)
    expect(throttle.reserve('a@x.test', '192.0.2.4')).toMatchObject({ ok: false, reason: 'account' })
  })
})

describe('memory bound', () => {
  test('a flood of other e-mails evicts only entries that are not locked out', () => {
    const { throttle, fail } = setup({ maxKeys: 4, addressLimit: 1_000 })
    fail('locked@x.test', '192.0.2.1', 5)
    for (let i = 0; i < 50; i++) fail(`flood-${i}@x.test`, `198.51.100.${i % 200}`)
    expect(throttle.reserve('locked@x.test', '192.0.2.1')).toMatchObject({ ok: false, reason: 'account' })
    expect(throttle.size).toBeLessThanOrEqual(12)
  })

  test('when every entry is locked out, a new key is refused (429) rather than evicting one', () => {
    const { throttle, fail } = setup({ maxKeys: 3, addressLimit: 1_000 })
    for (const account of ['a@x.test', 'b@x.test', 'c@x.test']) fail(account, '192.0.2.1', 5)
    expect(throttle.reserve('new@x.test', '192.0.2.1')).toMatchObject({ ok: false, reason: 'full', retryAfterSeconds: 60 })
    for (const account of ['a@x.test', 'b@x.test', 'c@x.test']) {
      expect(throttle.reserve(account, '192.0.2.1')).toMatchObject({ ok: false, reason: 'account' })
    }
  })

  test('expired and successful entries free their room', () => {
    const { clock, throttle, reserve, fail } = setup({ maxKeys: 2, addressLimit: 1_000 })
    fail('a@x.test', '192.0.2.1', 5)
    fail('b@x.test', '192.0.2.1', 5)
    clock.now += 60_000
    expect(throttle.reserve('c@x.test', '192.0.2.1').ok).toBe(true)
    reserve('d@x.test', '192.0.2.2').finish('success')
    expect(throttle.size).toBeLessThanOrEqual(6)
  })
})
