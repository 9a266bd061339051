import { isTransient } from '../../api/api-error.ts'
import { SIP_LIST_LIMIT } from '../../api/sip-account.ts'

export interface WalkProgress {
  done: number
  total: number
}

/** One page of a GET /sip result set, as `offset`/`limit` ask for it (parsed, and redacted for the role). */
export type PageFetcher<Row> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<{ total: number; sipAccounts: readonly Row[] }>

export interface WalkRequest<Row> {
  fetchPage: PageFetcher<Row>
  /** Each page's rows as they arrive (turn them into something small: the walk keeps nothing). */
  onPage: (rows: readonly Row[]) => void
  onProgress: (progress: WalkProgress) => void
  signal: AbortSignal
  /** Waits before retrying a page after a network error or 5xx (attempt 1, 2); tests shorten it. */
  retryDelayMs?: (attempt: number) => number
}

/**
 * Every row of a GET /sip result set, in 500-row pages (the API's maximum), one request at a time,
 * so the page stays responsive between requests. Used by CSV export (010) and Down by customer
 * (044). Cancel through the signal: no request goes out after it. Resolves with the rows walked.
 */
export async function walkPages<Row>(request: WalkRequest<Row>): Promise<number> {
  const { onPage, onProgress, signal } = request
  const fetchPage = withRetry(request.fetchPage, request.retryDelayMs ?? ((attempt) => 500 * 2 ** attempt))
  let offset = 0
  let total = Infinity
  while (offset < total) {
    signal.throwIfAborted()
    const page = await fetchPage(offset, SIP_LIST_LIMIT.max, signal)
    signal.throwIfAborted()
    total = page.total
    onPage(page.sipAccounts)
    // An API that returns no rows before the total ends the walk instead of looping forever.
    if (page.sipAccounts.length === 0) break
    offset += page.sipAccounts.length
    onProgress({ done: Math.min(offset, total), total })
  }
  return Math.min(offset, total)
}

const RETRIES = 2

/** A long walk should not die of one dropped connection: network errors and 5xx are retried twice. */
function withRetry<Row>(fetchPage: PageFetcher<Row>, delayMs: (attempt: number) => number): PageFetcher<Row> {
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
