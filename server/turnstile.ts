/*
 * One request's work per turn of the event loop, in arrival order.
 *
 * libuv accepts one new connection per turn of the loop (measured with strace: one accept4 per
 * epoll_wait), and a turn otherwise runs every request that arrived on the connections it already
 * has. Under load (`npm run load`: 200 connections, a few ms of work per request) a turn took
 * 60–70 ms, so the connections opened at the start were accepted a dozen a second: ~110 of 200
 * waited more than 10 s for their first answer, and even a bare Node server with 2 ms per request
 * showed the same. Letting each request start its work only on its own turn (one setImmediate
 * each) keeps every turn to one request's work, so accepting keeps pace and answers go out in the
 * order the requests came. Throughput is unchanged (measured: the same requests per second).
 */
export type Turnstile = () => Promise<void>

export function createTurnstile(): Turnstile {
  const waiting: (() => void)[] = []
  let scheduled = false
  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    setImmediate(release)
  }
  function release(): void {
    scheduled = false
    const next = waiting.shift()
    // Scheduled from inside the check phase: runs on the next turn, after the next poll.
    if (waiting.length > 0) schedule()
    next?.()
  }
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve)
      schedule()
    })
}
