import { once } from 'node:events'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { expect, test } from 'vitest'
import { NO_SOCKET_ADDRESS, socketClientIp, throttleKeyForAddress } from './client-ip.ts'

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
