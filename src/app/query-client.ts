import { QueryClient } from '@tanstack/react-query'
import { isTransient } from '../api/api-error.ts'

export const MAX_RETRIES = 2

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isTransient(error)
}

export interface QueryClientOptions {
  /** Tests turn retries off, so a fault shows at once. */
  retry?: boolean
}

export function createQueryClient({ retry = true }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retry ? shouldRetry : false,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        // Trunk lists change slowly; half a minute of freshness makes Back/forward instant.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
