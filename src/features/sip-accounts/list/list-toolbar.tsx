import type { SipAccess } from '../../../api/access-level.ts'
import { useSipAccess } from '../../../app/session-context.tsx'
import type { Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import type { ListParams } from './list-params.ts'
import type { ScopeKind } from './list-scope.ts'
import { ScopePickers } from '../scope/scope-pickers.tsx'
import { DownByCustomerButton } from '../down-by-customer/down-by-customer-entry.tsx'
import { SearchBox } from './search-box.tsx'
import { StatusFilter, type StatusFilterCounts } from './status-filter.tsx'
import type { UpdateList } from './use-list-location.ts'
import './list-toolbar.css'

/** The placeholder says what is searched; notes only for roles that may see them. */
function searchPlaceholder(access: SipAccess, t: Translate): string {
  return access.notes ? t('Name, number, IP address, username or notes') : t('Name, number, IP address or username')
}

interface ListToolbarProps {
  /** What the list asks for (the landing scope applied). */
  params: ListParams
  /** The customer and reseller the URL names (the pickers show these, not the landing scope). */
  chosen: Pick<ListParams, 'customer' | 'reseller'>
  scope: ScopeKind
  counts: StatusFilterCounts
  /** The search as typed; params.filter is its normalized form (decision 032). */
  searchText: string | undefined
  update: UpdateList
  /** The first rows (or the error instead) are shown: what was left for later loads now. */
  afterFirstRows: boolean
}

export function ListToolbar({ params, chosen, scope, counts, searchText, update, afterFirstRows }: ListToolbarProps) {
  const access = useSipAccess()
  const { t } = useI18n()
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <SearchBox
          filter={searchText ?? ''}
          placeholder={searchPlaceholder(access, t)}
          onSearch={(filter, { replace }) => {
            // Skipping an unchanged filter keeps the page: Enter on the same text is not a new search.
            if (filter === (searchText ?? '')) return
            update({ filter: filter || undefined, offset: undefined, account: undefined }, { replace })
          }}
        />
        <StatusFilter up={params.up} counts={counts} onChange={(up) => update({ up, offset: undefined, account: undefined })} />
      </div>
      {access.scope ? (
        <div className="toolbar-row">
          <ScopePickers
            customer={chosen.customer}
            reseller={chosen.reseller}
            kind={scope}
            update={update}
            afterFirstRows={afterFirstRows}
          />
          <DownByCustomerButton />
        </div>
      ) : null}
    </div>
  )
}
