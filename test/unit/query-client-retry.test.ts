import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import * as z from 'zod/mini'
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import { isApiError } from '../../src/api/api-error.ts'
import { getJson } from '../../src/api/http.ts'
import { createQueryClient, MAX_RETRIES } from '../../src/app/query-client.ts'

/*
 * The retry policy, through the HTTP layer: the production QueryClient (retries on) runs a query
 * whose fetcher is the real getJson, against MSW answering with a fault. Timers are fake, so the
 * backoff is measured exactly instead of waited for.
 */

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

const Ok = z.looseObject({ ok: z.boolean() })

/** Answers every /api request with `answer`, recording when each arrived (fake clock). */
function answerWith(answer: () => Response): number[] {
  const at: number[] = []
  server.use(
    http.get('*/api/*', () => {
      at.push(Date.now())
      return answer()
    }),
  )
  return at
}

/** Runs one query with the production client, advancing the fake clock until it settles. */
async function runQuery(): Promise<{ error: unknown }> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  const client = createQueryClient()
  let settled = false
  const outcome = client
    .fetchQuery({ queryKey: ['probe'], queryFn: ({ signal }) => getJson('/sip', {}, Ok, { signal }) })
    .then(
      () => ({ error: undefined }),
      (error: unknown) => ({ error }),
    )
    .finally(() => {
      settled = true
    })
  for (let step = 0; step < 100 && !settled; step++) await vi.advanceTimersByTimeAsync(250)
  client.clear()
  return outcome
}

const gaps = (at: number[]) => at.slice(1).map((time, index) => time - (at[index] ?? time))

test('a 503 is retried twice, with a growing pause between attempts, then surfaces', async () => {
  const at = answerWith(() => HttpResponse.json({ error: { code: 'unavailable', message: 'Try later', status: 503 } }, { status: 503 }))
  const { error } = await runQuery()
  expect(at).toHaveLength(1 + MAX_RETRIES)
  // Exponential backoff: half a second, then a second (capped at 4 s for longer policies).
  expect(gaps(at)).toEqual([500, 1000])
  expect(isApiError(error) && error.status).toBe(503)
})

test('a network error is retried like a 5xx', async () => {
  const at = answerWith(() => HttpResponse.error())
  const { error } = await runQuery()
  expect(at).toHaveLength(1 + MAX_RETRIES)
  expect(isApiError(error) && error.kind).toBe('network')
})

test('a 5xx that passes on the second attempt is never seen by the user', async () => {
  let calls = 0
  server.use(
    http.get('*/api/*', () => {
      calls += 1
      return calls === 1 ? HttpResponse.json({ error: { code: 'boom', status: 500 } }, { status: 500 }) : HttpResponse.json({ ok: true })
    }),
  )
  const { error } = await runQuery()
  expect(error).toBeUndefined()
  expect(calls).toBe(2)
})

test.for([400, 401, 403, 404, 429])('a %i is never retried: one request, the error at once', async (status) => {
  const at = answerWith(() => HttpResponse.json({ error: { code: 'nope', message: 'No', status } }, { status }))
  const { error } = await runQuery()
  expect(at).toHaveLength(1)
  expect(isApiError(error) && error.status).toBe(status)
})

test('a payload that breaks the contract is never retried (the same bytes would come back)', async () => {
  const at = answerWith(() => HttpResponse.json({ ok: 'yes' }))
  const { error } = await runQuery()
  expect(at).toHaveLength(1)
  expect(isApiError(error) && error.kind).toBe('contract')
})
