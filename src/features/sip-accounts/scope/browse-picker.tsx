import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { isId, sameId } from '../../../api/ids.ts'
import { Combobox, type ComboboxOption } from '../../../components/combobox.tsx'
import type { MessageKey, Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.ts'
import type { CustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'

export interface PickerKind {
  label: MessageKey
  placeholder: MessageKey
  /** Which one, for the messages' `select`. */
  what: 'customer' | 'reseller'
  /** GET /customer?resellers=true: only resellers. */
  resellers: boolean
}

export interface BrowsePickerProps {
  api: CustomerApi
  all: boolean
  kind: PickerKind
  /** Listed before the server's answer (when it matches what was typed). */
  first?: ComboboxOption | undefined
  /** The chosen customer's or reseller's name (scope-pickers.tsx). */
  label: string
  onChoose: (id: string) => void
  /** Typed into, or focused on, the stand-in before this code was here (scope-pickers.tsx). */
  early?: { draft: string | null; focused: boolean } | undefined
}

function idProblem(error: unknown, what: PickerKind['what'], t: Translate): string {
  if (isApiError(error) && (error.status === 404 || error.status === 400)) {
    return t('{what, select, customer {No customer has this id.} other {No reseller has this id.}}', { what })
  }
  if (isApiError(error) && error.status === 403) {
    return t('{what, select, customer {You have no access to this customer.} other {You have no access to this reseller.}}', { what })
  }
  return t('{what, select, customer {Could not look up this customer.} other {Could not look up this reseller.}}', { what })
}

/**
 * A pasted 24-hex id is labelled through GET /customer/:id/name; null while the draft is not an
 * id, so the picker lists by name instead.
 */
function usePastedId(
  api: CustomerApi,
  draft: string | null,
  what: PickerKind['what'],
  t: Translate,
): { options: ComboboxOption[]; message: string | undefined } | null {
  const id = draft !== null && isId(draft.trim()) ? draft.trim() : undefined
  const pasted = useQuery({ ...customerQueries.name(api, id ?? ''), enabled: id !== undefined })
  if (id === undefined) return null
  if (pasted.data) {
    const { _id, name } = pasted.data
    return { options: [{ id: _id, label: name ?? _id, detail: `(${_id})` }], message: undefined }
  }
  return { options: [], message: pasted.isError ? idProblem(pasted.error, what, t) : t('Looking up this id…') }
}

/**
 * A browseable picker: opening it lists the first 20 (GET /customer, resellers=true for the
 * Reseller picker), typing filters on the server (debounced), "Load more" or scrolling to the end
 * fetches the next 20; a pasted id is looked up directly. Loaded after the list's first rows
 * (scope-pickers.tsx shows a stand-in until then).
 */
export function BrowsePicker({ api, all, kind, first, label, onChoose, early }: BrowsePickerProps) {
  const { t } = useI18n()
  const { what } = kind
  // null: not editing, the input shows the chosen one's name.
  const [draft, setDraft] = useState<string | null>(early?.draft ?? null)
  const [term, setTerm] = useState(early?.draft?.trim() ?? '')
  // Nothing is asked before the picker is first opened.
  const [wanted, setWanted] = useState(false)
  const debouncedTerm = useDebouncedCallback(setTerm, 250)
  const pasted = usePastedId(api, draft, what, t)
  const list = useInfiniteQuery({
    ...customerQueries.browse(api, { filter: term, resellers: kind.resellers, all }),
    enabled: wanted && !pasted,
  })

  let options: ComboboxOption[] = []
  let message: string | undefined
  let footer: string | undefined
  if (pasted) {
    options = pasted.options
    message = pasted.message
  } else if (list.data) {
    const pages = list.data.pages
    const listed = pages.flatMap((page) => page.customers.map((c) => ({ id: c._id, label: c.name ?? c._id })))
    const extra = first && first.label.toLowerCase().includes(term.toLowerCase()) && !listed.some((o) => sameId(o.id, first.id))
    options = extra ? [first, ...listed] : listed
    const total = (pages.at(-1)?.total ?? 0) + (extra ? 1 : 0)
    if (options.length === 0) {
      message = term
        ? t('{what, select, customer {No customer matches “{term}”.} other {No reseller matches “{term}”.}}', { what, term })
        : t('{what, select, customer {You have no customers to choose from.} other {You have no resellers to choose from.}}', { what })
    } else footer = t('Showing {shown} of {total}', { shown: options.length, total: Math.max(total, options.length) })
    // The previous answer stays listed while the new filter's loads (keepPreviousData).
    if (list.isPlaceholderData) footer = t('Searching…')
    if (list.isFetchNextPageError) {
      footer = t('{what, select, customer {Could not load more customers.} other {Could not load more resellers.}}', { what })
    }
  } else if (list.isError) {
    message = t('{what, select, customer {Could not load the customers.} other {Could not load the resellers.}}', { what })
  } else {
    message = t('{what, select, customer {Loading customers…} other {Loading resellers…}}', { what })
  }

  return (
    <Combobox
      label={t(kind.label)}
      placeholder={t(kind.placeholder)}
      inputValue={draft ?? label}
      options={options}
      message={message}
      footer={footer}
      hasMore={!pasted && !list.isPlaceholderData && list.hasNextPage}
      loadingMore={list.isFetchingNextPage}
      autoFocus={early?.focused}
      onLoadMore={() => void list.fetchNextPage()}
      onOpen={() => setWanted(true)}
      onInputChange={(value) => {
        setDraft(value)
        debouncedTerm.run(value.trim())
      }}
      onSelect={(option) => {
        debouncedTerm.cancel()
        setDraft(null)
        setTerm('')
        onChoose(option.id)
      }}
      onDismiss={() => {
        debouncedTerm.cancel()
        setDraft(null)
        setTerm('')
      }}
    />
  )
}
