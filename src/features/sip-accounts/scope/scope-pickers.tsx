import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { isId, sameId } from '../../../api/ids.ts'
import { Combobox, type ComboboxOption } from '../../../components/combobox.tsx'
import { formatCount } from '../../../lib/format.ts'
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.ts'
import { useCustomerApi, useSession } from '../../../app/session-context.tsx'
import type { CustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'
import type { ScopeKind } from '../list/list-scope.ts'
import type { UpdateList } from '../list/use-list-location.ts'
import './scope-pickers.css'

interface ScopePickersProps {
  customer: string | undefined
  reseller: string | undefined
  /** The scope shown (decision 041): which of the ways back to offer. */
  kind: ScopeKind
  update: UpdateList
}

/**
 * Customer and Reseller pickers (RESELLER, RESELLER_ADMIN, ADMIN), and the ways back: to all one's
 * customers (a plain `/`, where these levels land) and to one's own customer (`?customer=<own id>`).
 */
export function ScopePickers({ customer, reseller, kind, update }: ScopePickersProps) {
  const api = useCustomerApi()
  // ADMIN means every customer; the real API may default to fewer without all=true (decision 034).
  const session = useSession()
  const all = session.accessLevel === 'ADMIN'
  // A RESELLER's own reseller is not among the resellers it is listed (they are its children),
  // yet choosing it is the whole subtree: offered first, as GET /customer/resellers/list did.
  const own =
    !all && session.customer && session.customerName ? { id: session.customer, label: session.customerName, detail: '(yours)' } : undefined
  // One scope at a time: a customer replaces a reseller and vice versa; paging starts over.
  const choose = (patch: { customer?: string; reseller?: string }) =>
    update({ customer: patch.customer, reseller: patch.reseller, offset: undefined, account: undefined })
  const ownCustomer = session.customer
  return (
    <div className="scope">
      <BrowsePicker api={api} all={all} kind={CUSTOMER} selected={customer} onChoose={(id) => choose({ customer: id })} />
      <BrowsePicker
        api={api}
        all={all}
        kind={RESELLER}
        first={own}
        selected={reseller}
        // One's own reseller is the whole subtree: the landing view, whose URL is a plain `/`.
        onChoose={(id) => choose(sameId(id, ownCustomer) ? {} : { reseller: id })}
      />
      {kind !== 'all' ? (
        <button type="button" className="button" onClick={() => choose({})}>
          Show all my customers
        </button>
      ) : null}
      {kind !== 'own' && ownCustomer ? (
        <button type="button" className="button" onClick={() => choose({ customer: ownCustomer })}>
          Show my own customer
        </button>
      ) : null}
    </div>
  )
}

interface PickerKind {
  label: string
  placeholder: string
  /** "customer" / "reseller", in messages. */
  what: string
  /** GET /customer?resellers=true: only resellers. */
  resellers: boolean
}
const CUSTOMER: PickerKind = { label: 'Customer', placeholder: 'All customers', what: 'customer', resellers: false }
const RESELLER: PickerKind = { label: 'Reseller', placeholder: 'All resellers', what: 'reseller', resellers: true }

interface PickerProps {
  api: CustomerApi
  all: boolean
  kind: PickerKind
  /** Listed before the server's answer (when it matches what was typed). */
  first?: ComboboxOption | undefined
  selected: string | undefined
  onChoose: (id: string) => void
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

/** Label of the chosen customer/reseller, looked up by id (also for pasted links). */
function useSelectedLabel(api: CustomerApi, selected: string | undefined): string {
  const session = useSession()
  // One's own customer (e.g. the reseller scope over one's own subtree) is named by the session.
  const own = sameId(selected, session.customer) && session.customerName ? session.customerName : undefined
  const name = useQuery({ ...customerQueries.name(api, selected ?? ''), enabled: selected !== undefined && own === undefined })
  if (own) return own
  if (!selected) return ''
  return name.data?.name ?? selected
}

/**
 * A browseable picker: opening it lists the first 20 (GET /customer, resellers=true for the
 * Reseller picker), typing filters on the server (debounced), "Load more" or scrolling to the end
 * fetches the next 20; a pasted id is looked up directly.
 */
function BrowsePicker({ api, all, kind, first, selected, onChoose }: PickerProps) {
  // null: not editing, the input shows the chosen one's name.
  const [draft, setDraft] = useState<string | null>(null)
  const [term, setTerm] = useState('')
  // Nothing is asked before the picker is first opened.
  const [wanted, setWanted] = useState(false)
  const debouncedTerm = useDebouncedCallback(setTerm, 250)
  const pasted = usePastedId(api, draft, kind.what)
  const list = useInfiniteQuery({
    ...customerQueries.browse(api, { filter: term, resellers: kind.resellers, all }),
    enabled: wanted && !pasted,
  })
  const label = useSelectedLabel(api, selected)

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
