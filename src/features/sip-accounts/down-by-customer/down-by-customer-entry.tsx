import { useCallback, useEffect, useRef } from 'react'
import { LazyDialogBoundary } from '../../../components/lazy-boundary.tsx'
import { lazyComponent } from '../../../lib/lazy.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useLocationSearch } from '../../../lib/url-state.ts'
import { patchListSearch, type ListParams } from '../list/list-params.ts'
import { ListNotices } from '../list/list-notices.tsx'
import { useListLocation } from '../list/use-list-location.ts'
import type { DownScope } from './count-down.ts'

/*
 * The parts of Down by customer the list page needs before anyone asks for it: the toolbar button,
 * the switch between list and view, and the way focus returns. The view itself is a lazy chunk,
 * fetched when the button is hovered or focused (decision 016).
 */
const downView = lazyComponent(() => import('./down-by-customer-view.tsx').then((module) => module.DownByCustomerView))
const DownByCustomerView = downView.Component

/** The button that opened the view, for focus to return to (at most one is on screen). */
let opener: HTMLButtonElement | null = null

/** "Down by customer" in the list's toolbar (scope levels only): opens `?view=down`. */
export function DownByCustomerButton() {
  const { t } = useI18n()
  const { update } = useListLocation()
  return (
    <button
      ref={(element) => {
        opener = element
        return () => {
          if (opener === element) opener = null
        }
      }}
      type="button"
      className="button"
      onClick={() => update({ view: 'down', account: undefined })}
      onPointerEnter={downView.preload}
      onFocus={downView.preload}
    >
      {t('Down by customer')}
    </button>
  )
}

/** What the view walks: the list's scope (customer or reseller), not its search, status or page. */
export function downScopeOf(params: ListParams): DownScope {
  return { customer: params.customer, reseller: params.reseller }
}

/**
 * When the view gives way to the list (Back to list, Escape, the browser's Back, a customer's
 * link), the keyboard returns to the "Down by customer" button instead of the top of the page.
 */
export function useDownViewFocusReturn(open: boolean): void {
  const wasOpen = useRef(open)
  useEffect(() => {
    // The list's effects ran first (children before parents), so the button is in the DOM by now.
    if (wasOpen.current && !open) opener?.focus()
    wasOpen.current = open
  }, [open])
}

/** The view in place of the list, with the notices about the link it came from. */
export function DownByCustomer({ scope, notices }: { scope: DownScope; notices: readonly string[] }) {
  const { t } = useI18n()
  const search = useLocationSearch()
  const { update } = useListLocation()
  const close = useCallback(() => update({ view: undefined }), [update])
  const query = patchListSearch(search, { view: undefined }).toString()
  const listHref = `${window.location.pathname}${query ? `?${query}` : ''}`
  return (
    <>
      <ListNotices notices={notices} />
      <LazyDialogBoundary title={t('Down by customer')} onClose={close}>
        <DownByCustomerView scope={scope} listHref={listHref} onClose={close} />
      </LazyDialogBoundary>
    </>
  )
}
