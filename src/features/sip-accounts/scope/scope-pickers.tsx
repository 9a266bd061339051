import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../../api/api-error.ts'
import { isId } from '../../../api/ids.ts'
import { Combobox, type ComboboxOption } from '../../../components/combobox.tsx'
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.ts'
import { useCustomerApi } from '../../../app/session-context.tsx'
import type { CustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'
import type { UpdateList } from '../list/use-list-location.ts'
import './scope-pickers.css'

interface ScopePickersProps {
  customer: string | undefined
  reseller: string | undefined
  update: UpdateList
}

/** Customer and Reseller pickers (RESELLER, RESELLER_ADMIN, ADMIN), and the way back to one's own. */
export function ScopePickers({ customer, reseller, update }: ScopePickersProps) {
  const api = useCustomerApi()
  // One scope at a time: a customer replaces a reseller and vice versa; paging starts over.
  const choose = (patch: { customer?: string; reseller?: string }) =>
    update({ customer: patch.customer, reseller: patch.reseller, offset: undefined, account: undefined })
  return (
    <div className="scope">
      <CustomerPicker api={api} selected={customer} onChoose={(id) => choose({ customer: id })} />
      <ResellerPicker api={api} selected={reseller} onChoose={(id) => choose({ reseller: id })} />
      {customer || reseller ? (
        <button type="button" className="button" onClick={() => choose({})}>
          Show my own customer
        </button>
      ) : null}
    </div>
  )
}

interface PickerProps {
  api: CustomerApi
  selected: string | undefined
  onChoose: (id: string) => void
}

function idProblem(error: unknown, what: string): string {
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return `No ${what} has this id.`
  if (isApiError(error) && error.status === 403) return `You have no access to this ${what}.`
  return `Could not look up this ${what}.`
}

/** Label of the chosen customer/reseller, looked up by id (also for pasted links). */
/**
 * A pasted 24-hex id is labelled through GET /customer/:id/name; null while the draft is not an
 * id, so the picker searches by name instead.
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

function useSelectedLabel(api: CustomerApi, selected: string | undefined): string {
  const name = useQuery({ ...customerQueries.name(api, selected ?? ''), enabled: selected !== undefined })
  if (!selected) return ''
  return name.data?.name ?? selected
}

function CustomerPicker({ api, selected, onChoose }: PickerProps) {
  // null: not editing, the input shows the chosen customer's name.
  const [draft, setDraft] = useState<string | null>(null)
  const [term, setTerm] = useState('')
  const debouncedTerm = useDebouncedCallback(setTerm, 250)
  const pasted = usePastedId(api, draft, 'customer')
  const search = useQuery({ ...customerQueries.search(api, term), enabled: term !== '' && !pasted })
  const label = useSelectedLabel(api, selected)

  let options: ComboboxOption[] = []
  let message: string | undefined
  if (pasted) {
    options = pasted.options
    message = pasted.message
  } else if (draft && term) {
    options = (search.data?.customers ?? []).map((c) => ({ id: c._id, label: c.name ?? c._id }))
    if (search.isError) message = 'Could not search customers.'
    else if (search.isPending || search.isPlaceholderData) message = 'Searching…'
    else if (options.length === 0) message = `No customer matches “${term}”.`
  } else {
    message = 'Type a name, or paste a customer id.'
  }

  return (
    <Combobox
      label="Customer"
      placeholder="My own customer"
      inputValue={draft ?? label}
      options={options}
      message={message}
      onInputChange={(value) => {
        setDraft(value)
        debouncedTerm.run(value.trim())
      }}
      onSelect={(option) => {
        setDraft(null)
        onChoose(option.id)
      }}
      onDismiss={() => setDraft(null)}
    />
  )
}

function ResellerPicker({ api, selected, onChoose }: PickerProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [wanted, setWanted] = useState(false)
  const pasted = usePastedId(api, draft, 'reseller')
  // The reseller list is short: loaded once when first opened, then filtered here.
  const resellers = useQuery({ ...customerQueries.resellers(api), enabled: wanted })
  const label = useSelectedLabel(api, selected)

  let options: ComboboxOption[] = []
  let message: string | undefined
  if (pasted) {
    options = pasted.options
    message = pasted.message
  } else if (resellers.isError) {
    message = 'Could not load the resellers.'
  } else if (!resellers.data) {
    message = 'Loading resellers…'
  } else {
    const needle = (draft ?? '').trim().toLowerCase()
    options = resellers.data
      .filter((r) => !needle || (r.name ?? '').toLowerCase().includes(needle))
      .map((r) => ({ id: r._id, label: r.name ?? r._id }))
    if (options.length === 0) message = needle ? `No reseller matches “${draft}”.` : 'You have no resellers to choose from.'
  }

  return (
    <Combobox
      label="Reseller"
      placeholder="Choose a reseller"
      inputValue={draft ?? label}
      options={options}
      message={message}
      onOpen={() => setWanted(true)}
      onInputChange={setDraft}
      onSelect={(option) => {
        setDraft(null)
        onChoose(option.id)
      }}
      onDismiss={() => setDraft(null)}
    />
  )
}
