import { UTF8_BOM, csvLine, type CsvSeparator, type CsvValue } from '../../../lib/csv.ts'
import type { SipAccountRow } from '../sip-account-api.ts'
import { walkPages, type PageFetcher, type WalkProgress } from '../walk-pages.ts'

/** One CSV column: the header (in the user's language) and how a list row becomes a cell. */
export interface ExportColumn {
  header: string
  value: (account: SipAccountRow) => CsvValue
}

export type ExportProgress = WalkProgress

/** One page of the result set; the list's fetcher (parsed, and redacted for the role). */
export type FetchPage = PageFetcher<SipAccountRow>

/** The same rows in both dialects: the dialog's Separator can change while and after the walk runs. */
export type ExportFiles = Readonly<Record<CsvSeparator, Blob>>

export interface ExportRequest {
  fetchPage: FetchPage
  /** Waits before retrying a page after a network error or 5xx (attempt 1, 2); tests shorten it. */
  retryDelayMs?: (attempt: number) => number
  /** Only the columns visible and permitted for the role. */
  columns: readonly ExportColumn[]
  signal: AbortSignal
  onProgress: (progress: ExportProgress) => void
}

const SEPARATORS: readonly CsvSeparator[] = [',', ';']

/**
 * Every account of the result set, walked in 500-row pages (walkPages). Each page is turned into
 * CSV lines as it arrives, once per separator (decision 049), and each page's lines into a Blob,
 * so memory holds neither objects nor a growing string. Cancel through the signal: no request
 * goes out after it.
 */
export async function exportSipAccounts(request: ExportRequest): Promise<ExportFiles> {
  const { columns } = request
  const headers = columns.map((column) => column.header)
  const parts: Record<CsvSeparator, (string | Blob)[]> = { ',': [UTF8_BOM, csvLine(headers, ',')], ';': [UTF8_BOM, csvLine(headers, ';')] }
  await walkPages({
    fetchPage: request.fetchPage,
    retryDelayMs: request.retryDelayMs,
    signal: request.signal,
    onProgress: request.onProgress,
    onPage: (rows) => {
      const cells = rows.map((account) => columns.map((column) => column.value(account)))
      for (const separator of SEPARATORS) parts[separator].push(new Blob(cells.map((row) => csvLine(row, separator))))
    },
  })
  const file = (separator: CsvSeparator) => new Blob(parts[separator], { type: 'text/csv;charset=utf-8' })
  return { ',': file(','), ';': file(';') }
}
