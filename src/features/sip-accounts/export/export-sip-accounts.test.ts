import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createSipAccountApi } from '../sip-account-api.ts'
import { exportSipAccounts, type ExportColumn, type ExportProgress, type FetchPage } from './export-sip-accounts.ts'

const TOTAL = 1234
const requests: URL[] = []

function account(index: number) {
  return {
    _id: index.toString(16).padStart(24, '0'),
    name: index === 0 ? '=cmd|"/c calc"!A1' : `Trunk ${index} Ærø`,
    numbers: [`+45${String(70000000 + index)}`],
    notes: `secret note ${index}`,
    status: index % 2 ? 'ON' : 'OFF',
  }
}

const server = setupServer(
  http.get('*/api/sip', ({ request }) => {
    const url = new URL(request.url)
    requests.push(url)
    const offset = Number(url.searchParams.get('offset'))
    const limit = Number(url.searchParams.get('limit'))
    const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => account(offset + i))
    return HttpResponse.json({ offset, limit, total: TOTAL, sipAccounts: rows })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  requests.length = 0
})
afterAll(() => server.close())

const columns: ExportColumn[] = [
  { header: 'Name', value: (a) => a.name ?? '' },
  { header: 'Numbers', value: (a) => (a.numbers ?? []).join(' ') },
  { header: 'Notes', value: (a) => a.notes ?? '' },
]

/** The list's own fetcher, as the export dialog uses it: parsed and redacted for the role. */
function pages(level: 'VIEWER' | 'ADMIN'): FetchPage {
  const api = createSipAccountApi({ token: 't0ken', accessLevel: level })
  const scope = { filter: 'trunk', up: true, customer: 'abcdefabcdefabcdefabcdef' }
  return (offset, limit, signal) => api.list({ ...scope, offset, limit }, 'condensed', signal)
}

/** Both files of one walk; most tests read the comma one. */
function runBoth(level: 'VIEWER' | 'ADMIN', signal = new AbortController().signal, progress: ExportProgress[] = []) {
  return exportSipAccounts({
    fetchPage: pages(level),
    columns,
    signal,
    onProgress: (p) => progress.push(p),
  })
}

async function run(level: 'VIEWER' | 'ADMIN', signal?: AbortSignal, progress?: ExportProgress[]) {
  return (await runBoth(level, signal, progress))[',']
}

test('walks every page of 500 with the list parameters and reports progress', async () => {
  const progress: ExportProgress[] = []
  const blob = await run('ADMIN', undefined, progress)
  expect(requests.map((url) => url.searchParams.get('offset'))).toEqual(['0', '500', '1000'])
  expect(requests.every((url) => url.searchParams.get('limit') === '500')).toBe(true)
  expect(requests[0]?.searchParams.get('filter')).toBe('trunk')
  expect(requests[0]?.searchParams.get('up')).toBe('true')
  expect(requests[0]?.searchParams.get('customer')).toBe('abcdefabcdefabcdefabcdef')
  expect(progress).toEqual([
    { done: 500, total: TOTAL },
    { done: 1000, total: TOTAL },
    { done: 1234, total: TOTAL },
  ])
  const text = await blob.text()
  const lines = text.split('\r\n')
  expect(lines[0]).toBe('Name,Numbers,Notes')
  expect(lines).toHaveLength(TOTAL + 2) // header + rows + the empty string after the last CRLF
  expect(lines[2]).toBe("Trunk 1 Ærø,'+4570000001,secret note 1")
})

test('starts with a UTF-8 byte-order mark so Excel shows æøå', async () => {
  const files = await runBoth('ADMIN')
  for (const blob of [files[','], files[';']]) {
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  }
})

test('one walk, two files: the same rows with commas and with semicolons (decision 049)', async () => {
  const files = await runBoth('ADMIN')
  expect(requests).toHaveLength(3)
  const semicolon = (await files[';'].text()).split('\r\n')
  expect(semicolon[0]).toBe('Name;Numbers;Notes')
  expect(semicolon).toHaveLength(TOTAL + 2)
  expect(semicolon[2]).toBe("Trunk 1 Ærø;'+4570000001;secret note 1")
})

test('a formula in a name is escaped', async () => {
  const text = await (await run('ADMIN')).text()
  expect(text.split('\r\n')[1]).toBe(`"'=cmd|""/c calc""!A1",'+4570000000,secret note 0`)
})

test('fields the role may not see never reach the file, even if the API sends them', async () => {
  const text = await (await run('VIEWER')).text()
  expect(text).not.toContain('secret note')
})

test('cancel stops the walk', async () => {
  const controller = new AbortController()
  const progress: ExportProgress[] = []
  const walk = exportSipAccounts({
    fetchPage: pages('ADMIN'),
    columns,
    signal: controller.signal,
    onProgress: (p) => {
      progress.push(p)
      controller.abort()
    },
  })
  await expect(walk).rejects.toThrow()
  expect(progress).toHaveLength(1)
  // No request goes out after the cancel.
  expect(requests).toHaveLength(1)
})

test('a page that fails with a 5xx or a dropped connection is retried; a 4xx is not', async () => {
  let failures = 2
  server.use(
    http.get('*/api/sip', ({ request }) => {
      const url = new URL(request.url)
      requests.push(url)
      if (url.searchParams.get('offset') === '500' && failures-- > 0) {
        return failures === 1
          ? HttpResponse.error()
          : HttpResponse.json({ error: { code: 'x', message: 'busy', status: 503 } }, { status: 503 })
      }
      return undefined
    }),
  )
  const files = await exportSipAccounts({
    fetchPage: pages('ADMIN'),
    columns,
    signal: new AbortController().signal,
    onProgress: () => {},
    retryDelayMs: () => 1,
  })
  expect((await files[','].text()).split('\r\n')).toHaveLength(TOTAL + 2)

  server.use(
    http.get('*/api/sip', ({ request }) => {
      requests.push(new URL(request.url))
      return HttpResponse.json({ error: { code: 'access_denied', message: 'No', status: 403 } }, { status: 403 })
    }),
  )
  requests.length = 0
  const denied = exportSipAccounts({
    fetchPage: pages('ADMIN'),
    columns,
    signal: new AbortController().signal,
    onProgress: () => {},
    retryDelayMs: () => 1,
  })
  await expect(denied).rejects.toThrow()
  expect(requests).toHaveLength(1)
})
