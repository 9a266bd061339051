import type { Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import type { SipAccountPage } from '../sip-account-api.ts'
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
function EmptyStateActions({ request }: { request: Pick<ListParams, 'filter' | 'up'> }) {
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

/** The three empty states are different situations and say so (in the language of `t`). */
function emptyMessage(request: ListParams, t: Translate): { title: string; hint: string | null } {
  if (request.filter) {
    const filter = request.filter
    return {
      title:
        request.up === true
          ? t('No account matches “{filter}” among accounts that are up', { filter })
          : request.up === false
            ? t('No account matches “{filter}” among accounts that are down', { filter })
            : t('No account matches “{filter}”', { filter }),
      hint: t('Check the spelling, or search for part of a number, IP address or username.'),
    }
  }
  if (request.up === false) return { title: t('No accounts are down'), hint: t('Every account with a status is up.') }
  if (request.up === true) return { title: t('No accounts are up'), hint: null }
  return { title: t('No SIP accounts yet'), hint: t('Accounts created for this customer will be listed here.') }
}

/** What the table shows instead of rows: past the end of the list, or one of the three empty results. */
export function EmptyState({ page, onLastPage }: { page: SipAccountPage; onLastPage: (total: number) => void }) {
  const { t } = useI18n()
  if (page.total > 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">{t('This page is past the end of the list')}</p>
        <p>{t('There are {total} accounts in all.', { total: page.total })}</p>
        <button type="button" className="button" onClick={() => onLastPage(page.total)}>
          {t('Go to the last page')}
        </button>
      </div>
    )
  }
  const message = emptyMessage(page.request, t)
  return (
    <div className="empty-state">
      <p className="empty-title">{message.title}</p>
      {message.hint ? <p>{message.hint}</p> : null}
      <EmptyStateActions request={page.request} />
    </div>
  )
}
