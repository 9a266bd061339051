import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { isId, sameId } from '../../../api/ids.ts'
import { Combobox, type ComboboxOption } from '../../../components/combobox.tsx'
import { formatCount } from '../../../lib/format.ts'
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.ts'
import type { CustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'

export interface PickerKind {
  label: string
  placeholder: string
  /** "customer" / "reseller", in messages. */
  what: string
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

function idProblem(error: unknown, what: string): string {
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return `No ${what} has this id.`
  if (isApiError(error) && error.status === 403) return `You have no access to this ${what}.`
  return `Could not look up this ${what}.`
}

/**
 * A pasted 24-hex id is labelled through GET /customer/:id/name; null while the draft is not an
 * id, so the picker lists by name instead.
 */
function usePastedId(
  api: CustomerApi,
  draft: string | null,
  what: string,
): { options: ComboboxOption[]; message: string | undefined } | null {
  const id = draft !== null && isId(draft.trim()) ? draft.trim() : undefined
  const pasted = useQuery({ ...customerQueries.name(api, id ?? ''), enabled: id !== undefined })
  if (id === undefined) return null
  if (pasted.data) {
    const { _id, name } = pasted.data
    return { options: [{ id: _id, label: name ?? _id, detail: `(${_id})` }], message: undefined }
  }
  return { options: [], message: pasted.isError ? idProblem(pasted.error, what) : 'Looking up this id…' }
}

/**
 * A browseable picker: opening it lists the first 20 (GET /customer, resellers=true for the
 * Reseller picker), typing filters on the server (debounced), "Load more" or scrolling to the end
 * fetches the next 20; a pasted id is looked up directly. Loaded after the list's first rows
 * (scope-pickers.tsx shows a stand-in until then).
 */
export function BrowsePicker({ api, all, kind, first, label, onChoose, early }: BrowsePickerProps) {
  // null: not editing, the input shows the chosen one's name.
  const [draft, setDraft] = useState<string | null>(early?.draft ?? null)
  const [term, setTerm] = useState(early?.draft?.trim() ?? '')
  // Nothing is asked before the picker is first opened.
  const [wanted, setWanted] = useState(false)
  const debouncedTerm = useDebouncedCallback(setTerm, 250)
  const pasted = usePastedId(api, draft, kind.what)
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
    if (options.length === 0) message = term ? `No ${kind.what} matches “${term}”.` : `You have no ${kind.what}s to choose from.`
    else footer = `Showing ${formatCount(options.length)} of ${formatCount(Math.max(total, options.length))}`
    // The previous answer stays listed while the new filter's loads (keepPreviousData).
    if (list.isPlaceholderData) footer = 'Searching…'
    if (list.isFetchNextPageError) footer = `Could not load more ${kind.what}s.`
  } else if (list.isError) {
    message = `Could not load the ${kind.what}s.`
  } else {
    message = `Loading ${kind.what}s…`
  }

  return (
    <Combobox
      label={kind.label}
      placeholder={kind.placeholder}
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
