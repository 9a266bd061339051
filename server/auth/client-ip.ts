import { isIP, isIPv6 } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The address of requests that arrive without a socket (app.fetch in tests, MSW). */
export const NO_SOCKET_ADDRESS = 'in-process'

/**
 * The client address the login throttle counts by: the TCP peer, never X-Forwarded-For (any
 * client can write that header). Behind a proxy every client shares the proxy's address; a
 * deployment that trusts its proxy injects its own `clientIp` (AppOptions).
 */
export function socketClientIp(c: Context): string {
  // @hono/node-server passes { incoming, outgoing } as the env; app.fetch callers pass nothing.
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return NO_SOCKET_ADDRESS
  const address = getConnInfo(c).remote.address
  return address ? throttleKeyForAddress(address) : NO_SOCKET_ADDRESS
}

/**
 * Behind a trusted proxy (`--trust-proxy`, TELECOMX_TRUST_PROXY=1; `npm start` with Vite's proxy):
 * the LAST X-Forwarded-For entry, the address the proxy itself saw and appended. Earlier entries
 * come from the client and can say anything, so a forged header gains nothing. Without the
 * header (or with a last entry that is not an address) the TCP peer, as socketClientIp.
 * Only safe when every request passes through that proxy: anyone reaching the server directly
 * could write the header. Hence opt-in; the default never reads it.
 */
export function forwardedClientIp(c: Context): string {
  const header = c.req.header('X-Forwarded-For')
  const last = header?.split(',').at(-1)?.trim()
  return last && isIP(last) !== 0 ? throttleKeyForAddress(last) : socketClientIp(c)
}

/** The address function for a server's configuration. */
export const clientIpFor = ({ trustProxy }: { trustProxy: boolean }): ((c: Context) => string) =>
  trustProxy ? forwardedClientIp : socketClientIp

/**
 * IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses count by their /64, which one
 * subscriber usually holds whole (counting single addresses would give them 2^64 fresh budgets).
 */
export function throttleKeyForAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (!isIPv6(address)) return address
  const [head = '', tail = ''] = address.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const missing = address.includes('::') ? 8 - headGroups.length - tailGroups.length : 0
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups]
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
