import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { setupReferenceApi } from '../reference-api.ts'
import { advance, advanceUntil, installFakeClock } from './fake-clock.ts'
import { findRows, forward, rangeText, recordRequests, renderApp, rewriteSipRows } from './render-app.tsx'

// 1,200 accounts: the demo reseller's book then holds more than 500 (two pages or more).
const api = setupReferenceApi({ accounts: 1200 })
const BIG = `/?reseller=${api.users.reseller.customerId}`
vi.setConfig({ testTimeout: 30_000 })

/*
 * The browser's side of a download, which jsdom lacks: URL.createObjectURL keeps the Blob, and a
 * click on an <a download> is recorded and stopped (jsdom cannot navigate). Our code is untouched.
 */
const files: { blob: Blob; url: string }[] = []
const downloads: { href: string; name: string }[] = []
const onClick = (event: MouseEvent) => {
  const link = event.target instanceof Element ? event.target.closest('a[download]') : null
  if (!(link instanceof HTMLAnchorElement)) return
  event.preventDefault()
  downloads.push({ href: link.href, name: link.download })
}
beforeEach(() => {
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (!(blob instanceof Blob)) throw new Error('not a blob')
    const url = `blob:test/${files.length}`
    files.push({ blob, url })
    return url
  }
  URL.revokeObjectURL = () => {}
  document.addEventListener('click', onClick, true)
})
afterEach(() => {
  vi.useRealTimers()
  document.removeEventListener('click', onClick, true)
  files.length = 0
  downloads.length = 0
})

async function downloadedText(): Promise<{ name: string; bytes: Uint8Array; text: string }> {
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 20_000 })
  const [download] = downloads
  const file = files.find((f) => f.url === download?.href)
  if (!download || !file) throw new Error('no file behind the download')
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => (reader.result instanceof ArrayBuffer ? resolve(new Uint8Array(reader.result)) : reject(new Error('no bytes')))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsArrayBuffer(file.blob)
  })
  return { name: download.name, bytes, text: new TextDecoder().decode(bytes) }
}

/** CSV rows (no quoted line breaks in this data), header first. */
const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)

test('exports every account of the list’s scope in 500-row pages, visible columns only, with progress, BOM and a named file', async () => {
  const requests = recordRequests(api)
  const { user } = renderApp(api, { as: 'admin', url: BIG })
  await findRows()
  const total = Number(/of ([\d,]+)/.exec(rangeText())?.[1]?.replace(/,/g, ''))
  expect(total).toBeGreaterThan(500)

  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const dialog = await screen.findByRole('dialog', { name: 'Export CSV' })
  expect(within(dialog).getByRole('progressbar')).toBeInTheDocument()
  const { name, bytes, text } = await downloadedText()
  expect(within(dialog).getByRole('status')).toHaveTextContent(`Exported ${total.toLocaleString('en-US')} accounts to ${name}.`)
  // Cancel went away with the walk: the keyboard is on Close, not lost on the page.
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus())

  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = lines(text)
  // Over several customers the Customer column is shown by default (decision 042): exported as the id.
  expect(rows[0]).toBe('Name,Customer id,Numbers,Status,Active,Connection,IP address,Username,Rate plan,Failover,Usage block')
  expect(rows).toHaveLength(total + 1)
  // Numbers are escaped, so a spreadsheet keeps them as text.
  expect(rows.slice(1).some((row) => row.includes(",'+45"))).toBe(true)
  expect(name).toMatch(/^sip-accounts_reseller-[a-z0-9-]+_\d{4}-\d{2}-\d{2}\.csv$/)

  expect(rows.slice(1).every((row) => /^[^,]*,[0-9a-f]{24},/.test(row) || row.startsWith('"'))).toBe(true)

  // Each 500-row page is the list's two requests, condensed and full=true (the Customer column).
  const walked = requests.sipLists().filter((url) => url.searchParams.get('limit') === '500')
  const offsets = Array.from({ length: Math.ceil(total / 500) }, (_, i) => String(i * 500))
  const condensed = walked.filter((url) => !url.searchParams.has('full'))
  const full = walked.filter((url) => url.searchParams.get('full') === 'true')
  expect(condensed.map((url) => url.searchParams.get('offset'))).toEqual(offsets)
  expect(full.map((url) => url.searchParams.get('offset'))).toEqual(offsets)
  expect(walked.every((url) => url.searchParams.get('reseller') === api.users.reseller.customerId)).toBe(true)
  requests.stop()
})

test('search and status go along: a filtered, down-only list exports only those rows', async () => {
  const { user } = renderApp(api, { as: 'owner', url: '/?up=false&filter=%2B45' })
  await findRows()
  const total = Number(/of ([\d,]+)/.exec(rangeText())?.[1]?.replace(/,/g, ''))
  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const { name, text } = await downloadedText()
  const rows = lines(text).slice(1)
  expect(rows).toHaveLength(total)
  expect(rows.every((row) => row.split(',')[2] === 'OFF')).toBe(true)
  expect(name).toMatch(/^sip-accounts_fjordvej-toemrer-snedker-aps_45_down_\d{4}-\d{2}-\d{2}\.csv$/)
})

test('a name starting with = + - @ is escaped so a spreadsheet never runs it', async () => {
  const names = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)']
  api.server.use(rewriteSipRows(api, (rows) => rows.map((row, i) => (i < names.length ? { ...row, name: names[i] } : row))))
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const rows = lines((await downloadedText()).text)
  expect(rows[1]?.startsWith(`"'=HYPERLINK(""http://evil"",""x"")",`)).toBe(true)
  expect(rows[2]?.startsWith(`'+1+1,`)).toBe(true)
  expect(rows[3]?.startsWith(`'-2+3,`)).toBe(true)
  expect(rows[4]?.startsWith(`'@SUM(A1),`)).toBe(true)
})

test('role filtering: a VIEWER’s file has no notes even when the API sends them; an ADMIN’s chosen Notes and SIP server columns are in', async () => {
  // The API misbehaves: notes and sipServer for everyone.
  api.server.use(rewriteSipRows(api, (rows) => rows.map((row) => ({ ...row, notes: 'LEAKED NOTE', sipServer: 'leaked.sip.server' }))))
  localStorage.setItem(
    'telecomx:sip-list-view:v1',
    JSON.stringify({
      columns: [
        { id: 'name', visible: true },
        { id: 'notes', visible: true },
        { id: 'sipServer', visible: true },
      ],
      density: 'comfortable',
    }),
  )
  const viewer = renderApp(api, { as: 'viewer' })
  await findRows()
  await viewer.user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const viewerText = (await downloadedText()).text
  expect(lines(viewerText)[0]).not.toMatch(/Notes|SIP server/)
  expect(viewerText).not.toContain('LEAKED')
  expect(viewerText).not.toContain('leaked.sip.server')
  viewer.unmount()
  downloads.length = 0

  const admin = renderApp(api, { as: 'admin', url: `/?customer=${api.users.owner.customerId}` })
  await findRows()
  await admin.user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const adminText = (await downloadedText()).text
  expect(lines(adminText)[0]).toMatch(/^Name,.*Notes,SIP server/)
})

test('Cancel stops the walk: no request after it, no file', async () => {
  const requests = recordRequests(api)
  // Pages after the first are held, so there is a walk to cancel (held, not timed: on any machine).
  let answerHeld = () => {}
  const held = new Promise<void>((resolve) => (answerHeld = resolve))
  let markAborted = () => {}
  const heldPageAborted = new Promise<void>((resolve) => (markAborted = resolve))
  api.server.use(
    http.get('*/api/sip', async ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('limit') === '500' && url.searchParams.get('offset') !== '0') {
        request.signal.addEventListener('abort', () => markAborted())
        await held
      }
      return forward(api, request)
    }),
  )
  // The walker's retry backoff runs on a fake clock, so "no request after it" can look far ahead.
  installFakeClock()
  const { user } = renderApp(api, { as: 'admin', url: BIG })
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const dialog = await screen.findByRole('dialog', { name: 'Export CSV' })
  await within(dialog).findByText(/^500 of [\d,]+ rows$/)
  expect(within(dialog).getByRole('progressbar')).toHaveAttribute('value', '500')
  await user.click(within(dialog).getByRole('button', { name: 'Cancel export' }))
  expect(within(dialog).getByRole('status')).toHaveTextContent('Export cancelled. No file was saved.')
  // The page in flight is aborted, then answered anyway; past every backoff, nothing more went out.
  await heldPageAborted
  const sent = requests.sipLists().filter((url) => url.searchParams.get('limit') === '500').length
  answerHeld()
  await advance(10_000)
  expect(requests.sipLists().filter((url) => url.searchParams.get('limit') === '500')).toHaveLength(sent)
  expect(downloads).toHaveLength(0)
  expect(files).toHaveLength(0)
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveFocus()
  requests.stop()
})

test('a page that keeps failing stops the export (after retries) with a clear message and Export again', async () => {
  api.server.use(
    http.get('*/api/sip', ({ request }) => {
      const url = new URL(request.url)
      if (url.searchParams.get('limit') === '500' && url.searchParams.get('offset') === '500') {
        return HttpResponse.json({ error: { code: 'internal', message: 'Database unavailable', status: 503 } }, { status: 503 })
      }
      return forward(api, request)
    }),
  )
  // The two retries' backoff (1 s, 2 s) runs on a fake clock: jumped over, not waited for.
  installFakeClock()
  const { user } = renderApp(api, { as: 'admin', url: BIG })
  await findRows()
  await user.click(screen.getByRole('button', { name: 'Export CSV' }))
  const dialog = await screen.findByRole('dialog', { name: 'Export CSV' })
  await advanceUntil(() => expect(within(dialog).queryByRole('alert')).toHaveTextContent('The export stopped.'))
  expect(within(dialog).getByRole('button', { name: 'Export again' })).toBeInTheDocument()
  expect(downloads).toHaveLength(0)
})
