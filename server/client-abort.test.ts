import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterEach, expect, test, vi } from 'vitest'
import { createApp } from './app.ts'
import { createMemoryDatabase } from './database.ts'
import { DEMO_USERS } from './demo-users.ts'
import { TEST_SCRYPT } from './passwords.ts'
import { issueToken } from './tokens.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const HEAD = 'POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'
const PARTIAL = '{"username": "viewer@telecomx.test", "pass'

test.each([
  ['Content-Length: 1000', `${HEAD}Content-Length: 1000\r\n\r\n${PARTIAL}`],
  ['chunked', `${HEAD}Transfer-Encoding: chunked\r\n\r\n${PARTIAL.length.toString(16)}\r\n${PARTIAL}\r\n`],
])(
  'a client that hangs up mid-body (%s) is handled quietly (no console.error) and the server answers the next request',
  async (_, sent) => {
    const errors = vi.spyOn(console, 'error')
    const db = createMemoryDatabase({ accounts: 20, scrypt: TEST_SCRYPT })
    const app = createApp(db)
    // Resolves when the app has settled each request, so the test waits for the abort to be handled.
    const settled: Promise<unknown>[] = []
    const server = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: (request, env) => {
        const result = Promise.resolve(app.fetch(request, env))
        settled.push(result.catch(() => undefined))
        return result
      },
    })
    cleanups.push(() => {
      db.close()
    })
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
    if (!server.listening) await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address ? (address satisfies AddressInfo).port : 0

    // Registered before connecting, so the request event cannot be missed.
    const arrived = new Promise<ServerResponse>((resolve) => {
      server.once('request', (_req: IncomingMessage, res: ServerResponse) => resolve(res))
    })
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    socket.write(sent)
    // The server has the headers and part of the body once the request event fired; then hang up.
    const response = await arrived
    const responseClosed = response.closed ? Promise.resolve() : once(response, 'close')
    socket.destroy()
    await responseClosed
    await Promise.all(settled)

    const token = issueToken(db, DEMO_USERS.viewer.employeeId)
    const next = await fetch(`http://127.0.0.1:${port}/sip?limit=1`, { headers: { Authorization: `Bearer ${token}` } })
    expect(next.status).toBe(200)
    await next.arrayBuffer()
    expect(errors).not.toHaveBeenCalled()
  },
)
