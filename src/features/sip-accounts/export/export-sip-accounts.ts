import { UTF8_BOM, csvLine } from '../../../lib/csv.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import { walkPages, type PageFetcher, type WalkProgress } from '../walk-pages.ts'

/** One CSV column: the header and how a list row becomes a cell. */
export interface ExportColumn {
  header: string
  value: (account: SipAccountRow) => string
}

export type ExportProgress = WalkProgress

/** One page of the result set; the list's fetcher (parsed, and redacted for the role). */
export type FetchPage = PageFetcher<SipAccountRow>

export interface ExportRequest {
  fetchPage: FetchPage
  /** Waits before retrying a page after a network error or 5xx (attempt 1, 2); tests shorten it. */
  retryDelayMs?: (attempt: number) => number
  /** Only the columns visible and permitted for the role. */
  columns: readonly ExportColumn[]
  signal: AbortSignal
  onProgress: (progress: ExportProgress) => void
}

/**
 * Every account of the result set, walked in 500-row pages (walkPages). Each page is turned into
 * CSV lines as it arrives, so memory holds strings, not objects. Cancel through the signal: no
 * request goes out after it.
 */
export async function exportSipAccounts(request: ExportRequest): Promise<Blob> {
  const { columns } = request
  const chunks: string[] = [UTF8_BOM, csvLine(columns.map((column) => column.header))]
  await walkPages({
    fetchPage: request.fetchPage,
    retryDelayMs: request.retryDelayMs,
    signal: request.signal,
    onProgress: request.onProgress,
    onPage: (rows) => {
      for (const account of rows) chunks.push(csvLine(columns.map((column) => column.value(account))))
    },
  })
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' })
}
