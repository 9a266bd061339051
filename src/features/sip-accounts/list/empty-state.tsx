import { useI18n } from '../../../lib/use-i18n.tsx'
import type { ListParams } from './list-params.ts'
import './empty-state.css'
import { useListLocation } from './use-list-location.ts'

/** The search box (list-toolbar.tsx): where the user goes on once the search is gone. */
const focusSearch = () => document.getElementById('sip-search')?.focus()

/**
 * The ways out of an empty result, next to its message: "Clear search" when a search is active,
 * "Show all statuses" when only Up or only Down is shown. Each changes the URL exactly as the
 * toolbar would (first page, no open drawer), so Back returns to the empty result.
 */
export function EmptyStateActions({ request }: { request: Pick<ListParams, 'filter' | 'up'> }) {
  const { update } = useListLocation()
  const { t } = useI18n()
  if (!request.filter && request.up === undefined) return null
  return (
    <div className="empty-actions">
      {request.filter ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            update({ filter: undefined, offset: undefined, account: undefined })
            // The button goes away with the empty result: focus must not fall back to the page.
            focusSearch()
          }}
        >
          {t('Clear search')}
        </button>
      ) : null}
      {request.up !== undefined ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            update({ up: undefined, offset: undefined, account: undefined })
            focusSearch()
          }}
        >
          {t('Show all statuses')}
        </button>
      ) : null}
    </div>
  )
}
