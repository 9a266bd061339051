import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import * as z from 'zod/mini'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { ApiError } from '../api/api-error.ts'
import { getJson } from '../api/http.ts'
import { da } from '../locales/da.ts'
import { apiErrorText, errorText } from './error-text.ts'
import { msg, translator } from './i18n.ts'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const english = translator('en', undefined)
const danish = translator('da', da)
const Ok = z.looseObject({ ok: z.boolean() })

async function failureOf(response: () => Response): Promise<ApiError> {
  server.use(http.get('*/api/thing', response))
  const error = await getJson('/thing', {}, Ok).then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

const dashboardWords: Array<[string, () => Response]> = [
  ['401', () => new HttpResponse(null, { status: 401 })],
  ['403', () => new HttpResponse(null, { status: 403 })],
  ['404', () => new HttpResponse('<html>nginx</html>', { status: 404 })],
  ['429', () => new HttpResponse(null, { status: 429 })],
  ['503', () => new HttpResponse(null, { status: 503 })],
  ['418', () => new HttpResponse(null, { status: 418 })],
  ['network', () => HttpResponse.error()],
  ['a wrong field', () => HttpResponse.json({ ok: 'yes' })],
  ['not JSON', () => new HttpResponse('<html>proxy</html>', { status: 200 })],
]

test.each(dashboardWords)('%s: the dashboard’s own words, the same English as the ApiError, and Danish', async (_, response) => {
  const error = await failureOf(response)
  expect(error.fromServer).toBe(false)
  expect(apiErrorText(error, english)).toBe(error.message)
  const inDanish = apiErrorText(error, danish)
  expect(inDanish).not.toBe(error.message)
  expect(inDanish).not.toMatch(/\{|\}/)
})

test('the contract error keeps the field path and the parser’s words in Danish', async () => {
  const error = await failureOf(() => HttpResponse.json({ ok: 'yes' }))
  expect(apiErrorText(error, danish)).toMatch(/^API'et sendte data, som oversigten ikke forstår: feltet »ok« \(.+\)\.$/)
  const notJson = await failureOf(() => new HttpResponse('<html>proxy</html>', { status: 200 }))
  expect(apiErrorText(notJson, danish)).toBe("API'et sendte data, som oversigten ikke forstår: svaret (Svaret er ikke JSON).")
})

test('the API’s own message is shown as it came, in either language', async () => {
  const error = await failureOf(() =>
    HttpResponse.json({ error: { code: 'customer', message: 'Customer is locked', status: 400 } }, { status: 400 }),
  )
  expect(error.fromServer).toBe(true)
  expect(apiErrorText(error, english)).toBe('Customer is locked')
  expect(apiErrorText(error, danish)).toBe('Customer is locked')
})

test('anything that is not an ApiError reads as the caller’s fallback', () => {
  expect(errorText(new Error('boom'), msg('Your session could not be resumed.'), danish)).toBe('Din session kunne ikke genoptages.')
  expect(errorText(new Error('boom'), msg('Your session could not be resumed.'), english)).toBe('Your session could not be resumed.')
})
