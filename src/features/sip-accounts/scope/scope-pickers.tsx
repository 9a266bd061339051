import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { sameId } from '../../../api/ids.ts'
import { ComboboxStandIn } from '../../../components/combobox-field.tsx'
import { msg } from '../../../lib/i18n.ts'
import { lazyComponent, useLoaded } from '../../../lib/lazy.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useCustomerApi, useSession } from '../../../app/session-context.tsx'
import type { BrowsePickerProps, PickerKind } from './browse-picker.tsx'
import type { CustomerApi } from './customer-api.ts'
import { customerQueries } from './customer-queries.ts'
import type { ScopeKind } from '../list/list-scope.ts'
import type { UpdateList } from '../list/use-list-location.ts'
import './scope-pickers.css'

// Listing, filtering and paging are not needed to show the list's first rows: their code loads right
// after them (or at once when a picker is touched first); stand-ins with the same markup show until then.
const browsePicker = lazyComponent(() => import('./browse-picker.tsx').then((module) => module.BrowsePicker))
const BrowsePicker = browsePicker.Component

interface ScopePickersProps {
  customer: string | undefined
  reseller: string | undefined
  /** The scope shown (decision 041): which of the ways back to offer. */
  kind: ScopeKind
  update: UpdateList
  /** The list's first rows (or its error) are shown: load the pickers' code now. */
  afterFirstRows: boolean
}

/**
 * Customer and Reseller pickers (RESELLER, RESELLER_ADMIN, ADMIN), and the ways back: to all one's
 * customers (a plain `/`, where these levels land) and to one's own customer (`?customer=<own id>`).
 */
export function ScopePickers({ customer, reseller, kind, update, afterFirstRows }: ScopePickersProps) {
  const api = useCustomerApi()
  const [touched, setTouched] = useState(false)
  const ready = useLoaded(browsePicker, afterFirstRows || touched)
  // ADMIN means every customer; the real API may default to fewer without all=true (decision 034).
  const session = useSession()
  const { t } = useI18n()
  const all = session.accessLevel === 'ADMIN'
  // A RESELLER's own reseller is not among the resellers it is listed (they are its children),
  // yet choosing it is the whole subtree: offered first, as GET /customer/resellers/list did.
  const own =
    !all && session.customer && session.customerName
      ? { id: session.customer, label: session.customerName, detail: t('(yours)') }
      : undefined
  // One scope at a time: a customer replaces a reseller and vice versa; paging starts over.
  const choose = (patch: { customer?: string; reseller?: string }) =>
    update({ customer: patch.customer, reseller: patch.reseller, offset: undefined, account: undefined })
  const ownCustomer = session.customer
  const both = { ready, onWant: () => setTouched(true), api, all }
  return (
    <div className="scope">
      <PickerField {...both} kind={CUSTOMER} selected={customer} onChoose={(id) => choose({ customer: id })} />
      <PickerField
        {...both}
        kind={RESELLER}
        first={own}
        selected={reseller}
        // One's own reseller is the whole subtree: the landing view, whose URL is a plain `/`.
        onChoose={(id) => choose(sameId(id, ownCustomer) ? {} : { reseller: id })}
      />
      {kind !== 'all' ? (
        <button type="button" className="button" onClick={() => choose({})}>
          {t('Show all my customers')}
        </button>
      ) : null}
      {kind !== 'own' && ownCustomer ? (
        <button type="button" className="button" onClick={() => choose({ customer: ownCustomer })}>
          {t('Show my own customer')}
        </button>
      ) : null}
    </div>
  )
}

const CUSTOMER: PickerKind = { label: msg('Customer'), placeholder: msg('All customers'), what: 'customer', resellers: false }
const RESELLER: PickerKind = { label: msg('Reseller'), placeholder: msg('All resellers'), what: 'reseller', resellers: true }

interface PickerFieldProps extends Omit<BrowsePickerProps, 'label' | 'early'> {
  ready: boolean
  onWant: () => void
  selected: string | undefined
}

/** The picker, or its stand-in until the picker's code is here; what was typed or focused carries over. */
function PickerField({ ready, onWant, selected, ...picker }: PickerFieldProps) {
  const label = useSelectedLabel(picker.api, selected)
  const [early, setEarly] = useState<{ draft: string | null; focused: boolean }>()
  const { t } = useI18n()
  if (ready) return <BrowsePicker {...picker} label={label} early={early} />
  return (
    <ComboboxStandIn
      label={t(picker.kind.label)}
      placeholder={t(picker.kind.placeholder)}
      value={early?.draft ?? label}
      onWant={onWant}
      onType={(draft) => setEarly({ draft, focused: true })}
      onFocusChange={(focused) => setEarly((was) => ({ draft: was?.draft ?? null, focused }))}
    />
  )
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
