import { isTransient } from '../../../api/api-error.ts'
import { SIP_LIST_LIMIT } from '../../../api/sip-account.ts'
import { UTF8_BOM, csvLine } from '../../../lib/csv.ts'
import type { SipAccountRow } from '../sip-account-api.ts'

/** One CSV column: the header and how a list row becomes a cell. */
export interface ExportColumn {
  header: string
  value: (account: SipAccountRow) => string
}

export interface ExportProgress {
  done: number
  total: number
}

/** One page of the result set; the list's fetcher (parsed, and redacted for the role). */
export type FetchPage = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<{ total: number; sipAccounts: readonly SipAccountRow[] }>

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
 * Every account of the result set, walked in 500-row pages (the API's maximum). Each page is
 * turned into CSV lines as it arrives, so memory holds strings, not objects, and the page stays
 * responsive between requests. Cancel through the signal: no request goes out after it.
 */
export async function exportSipAccounts(request: ExportRequest): Promise<Blob> {
  const { columns, signal, onProgress } = request
  const fetchPage = withRetry(request.fetchPage, request.retryDelayMs ?? ((attempt) => 500 * 2 ** attempt))
  const chunks: string[] = [UTF8_BOM, csvLine(columns.map((column) => column.header))]
  let offset = 0
  let total = Infinity
  while (offset < total) {
    signal.throwIfAborted()
    const page = await fetchPage(offset, SIP_LIST_LIMIT.max, signal)
    signal.throwIfAborted()
    total = page.total
    for (const account of page.sipAccounts) chunks.push(csvLine(columns.map((column) => column.value(account))))
    // An API that returns no rows before the total ends the walk instead of looping forever.
    if (page.sipAccounts.length === 0) break
    offset += page.sipAccounts.length
    onProgress({ done: Math.min(offset, total), total })
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' })
}

const RETRIES = 2

/** A long export should not die of one dropped connection: network errors and 5xx are retried twice. */
function withRetry(fetchPage: FetchPage, delayMs: (attempt: number) => number): FetchPage {
  return async (offset, limit, signal) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetchPage(offset, limit, signal)
      } catch (error) {
        if (!isTransient(error) || attempt > RETRIES || signal.aborted) throw error
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, delayMs(attempt))
          signal.addEventListener('abort', () => {
            clearTimeout(timer)
            reject(signal.reason)
          })
        })
      }
    }
  }
}
