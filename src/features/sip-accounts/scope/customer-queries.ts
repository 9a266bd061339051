import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { CustomerApi } from './customer-api.ts'

export const customerQueries = {
  all: () => ['customers'] as const,
  search: (api: CustomerApi, filter: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'search', filter],
      queryFn: ({ signal }) => api.search(filter, signal),
      placeholderData: keepPreviousData,
    }),
  resellers: (api: CustomerApi) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'resellers'],
      queryFn: ({ signal }) => api.resellers(signal),
      staleTime: 5 * 60_000,
    }),
  name: (api: CustomerApi, id: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'name', id.toLowerCase()],
      queryFn: ({ signal }) => api.name(id, signal),
      staleTime: 5 * 60_000,
    }),
}
