import { once } from 'node:events'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { expect, test } from 'vitest'
import { readServerConfig } from '../config.ts'
import { createTestServer } from '../test-support.ts'
import { clientIpFor, NO_SOCKET_ADDRESS, socketClientIp, throttleKeyForAddress } from './client-ip.ts'

test('IPv4 and IPv4-mapped IPv6 count as the IPv4 address; IPv6 counts by its /64', () => {
  expect(throttleKeyForAddress('203.0.113.7')).toBe('203.0.113.7')
  expect(throttleKeyForAddress('::ffff:203.0.113.7')).toBe('203.0.113.7')
  expect(throttleKeyForAddress('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64')
  expect(throttleKeyForAddress('2001:0DB8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64')
  expect(throttleKeyForAddress('2001:db8::1')).toBe('2001:db8:0:0::/64')
  expect(throttleKeyForAddress('::1')).toBe('0:0:0:0::/64')
})

test('the address is the TCP peer behind a real server, X-Forwarded-For is ignored; without a socket it is one shared bucket', async () => {
  const app = new Hono()
  app.get('/ip', (c) => c.text(socketClientIp(c)))
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  try {
    if (!server.listening) await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const response = await fetch(`http://127.0.0.1:${port}/ip`, { headers: { 'X-Forwarded-For': '198.51.100.1' } })
    expect(await response.text()).toBe('127.0.0.1')
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  expect(await (await app.fetch(new Request('http://reference.test/ip'))).text()).toBe(NO_SOCKET_ADDRESS)
})

/** Failed logins from distinct e-mails (so only the per-address count can refuse), as a throttle sees them. */
async function failedLogins(trustProxy: boolean, forwardedFor: readonly string[]): Promise<number[]> {
  const api = createTestServer({ clientIp: clientIpFor({ trustProxy }), loginAddressFailureLimit: 3 })
  const statuses: number[] = []
  for (const [i, header] of forwardedFor.entries()) {
    const response = await api.request(
      new Request('http://reference.test/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': header },
        body: JSON.stringify({ username: `nobody-${i}@telecomx.test`, password: 'wrong' }),
      }),
    )
    statuses.push(response.status)
  }
  return statuses
}

test('trusted proxy: two users behind it (different last X-Forwarded-For hops) are counted separately', async () => {
  const alternating = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? '198.51.100.1' : '198.51.100.2'))
  expect(await failedLogins(true, alternating)).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
})

test('default (no trust): X-Forwarded-For is ignored, so the same requests count as one address', async () => {
  const alternating = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? '198.51.100.1' : '198.51.100.2'))
  expect(await failedLogins(false, alternating)).toEqual([401, 401, 401, 429, 429, 429, 429, 429])
})

test('trusted proxy: a forged entry in front of the proxy’s own does not help, the last hop wins', async () => {
  // One attacker (the proxy appends 203.0.113.9) writing a fresh fake address every time.
  const forged = Array.from({ length: 6 }, (_, i) => `10.0.0.${i}, 192.0.2.${i}, 203.0.113.9`)
  expect(await failedLogins(true, forged)).toEqual([401, 401, 401, 429, 429, 429])
  // A last hop that is not an address falls back to the TCP peer (here: no socket, one bucket).
  expect(await failedLogins(true, ['203.0.113.9, junk', '198.51.100.1, ', 'x', '203.0.113.10, nope'])).toEqual([401, 401, 401, 429])
})

test('over a real socket with trust on, the last X-Forwarded-For hop is the address; IPv6 hops count by /64', async () => {
  const app = new Hono()
  app.get('/ip', (c) => c.text(clientIpFor({ trustProxy: true })(c)))
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  try {
    if (!server.listening) await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const ip = async (header?: string) =>
      (await fetch(`http://127.0.0.1:${port}/ip`, { headers: header === undefined ? {} : { 'X-Forwarded-For': header } })).text()
    expect(await ip('1.2.3.4, 198.51.100.7')).toBe('198.51.100.7')
    expect(await ip('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64')
    expect(await ip()).toBe('127.0.0.1')
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})

test('trusting the proxy is opt-in: --trust-proxy or TELECOMX_TRUST_PROXY=1, off by default', () => {
  expect(readServerConfig([], {}).trustProxy).toBe(false)
  expect(readServerConfig(['--trust-proxy'], {}).trustProxy).toBe(true)
  expect(readServerConfig([], { TELECOMX_TRUST_PROXY: '1' }).trustProxy).toBe(true)
  expect(readServerConfig([], { TELECOMX_TRUST_PROXY: '0' }).trustProxy).toBe(false)
})
