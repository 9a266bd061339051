import type { SipAccess } from '../../../api/access-level.ts'
import { useSipAccess } from '../../../app/session-context.tsx'
import type { ListParams } from './list-params.ts'
import { ScopePickers } from '../scope/scope-pickers.tsx'
import { SearchBox } from './search-box.tsx'
import { StatusFilter } from './status-filter.tsx'
import type { UpdateList } from './use-list-location.ts'
import './list-toolbar.css'

/** The placeholder says what is searched; notes only for roles that may see them. */
export function searchPlaceholder(access: SipAccess): string {
  return access.notes ? 'Name, number, IP address, username or notes' : 'Name, number, IP address or username'
}

interface ListToolbarProps {
  params: ListParams
  /** The search as typed; params.filter is its normalized form (decision 032). */
  searchText: string | undefined
  update: UpdateList
}

export function ListToolbar({ params, searchText, update }: ListToolbarProps) {
  const access = useSipAccess()
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <SearchBox
          filter={searchText ?? ''}
          placeholder={searchPlaceholder(access)}
          onSearch={(filter, { replace }) => {
            // Skipping an unchanged filter keeps the page: Enter on the same text is not a new search.
            if (filter === (searchText ?? '')) return
            update({ filter: filter || undefined, offset: undefined, account: undefined }, { replace })
          }}
        />
        <StatusFilter up={params.up} onChange={(up) => update({ up, offset: undefined, account: undefined })} />
      </div>
      {access.scope ? (
        <div className="toolbar-row">
          <ScopePickers customer={params.customer} reseller={params.reseller} update={update} />
        </div>
      ) : null}
    </div>
  )
}
