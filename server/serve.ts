import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  url: string
  port: number
  server: Server
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then resolves. */
  close(graceMs?: number): Promise<void>
}

/** Listens on loopback only: the reference server is a local demo and test fixture. */
export function startServer(app: Hono, { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const server = createServer(getRequestListener(app.fetch))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address: AddressInfo | string | null = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      let closing: Promise<void> | undefined
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        server,
        close(graceMs = 10_000) {
          closing ??= new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs)
            force.unref()
            // close() stops accepting and waits for active requests; idle keep-alive sockets
            // would hold it open, so they are closed now (and again as requests finish).
            server.close(() => {
              clearTimeout(force)
              done()
            })
            server.closeIdleConnections()
            const sweep = setInterval(() => server.closeIdleConnections(), 50)
            sweep.unref()
            server.once('close', () => clearInterval(sweep))
          })
          return closing
        },
      })
    })
  })
}
