import { useCallback, useMemo } from 'react'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { navigateSearch, useLocationSearch, type NavigateOptions } from '../../../lib/url-state.ts'
import { parseListSearch, patchListSearch, type ListLocation, type ListPatch } from './list-params.ts'

export type UpdateList = (patch: ListPatch, options?: NavigateOptions) => void

/** List state read from the URL, with its notices in the page's language. */
type ShownListLocation = Omit<ListLocation, 'notices'> & { notices: readonly string[]; update: UpdateList }

/**
 * List state read from the URL (parsed once per distinct query string) and a writer for it. The
 * notices are translated here: a language switch re-words them without a new parse (the params
 * stay the same objects, so nothing downstream refetches).
 */
export function useListLocation(): ShownListLocation {
  const search = useLocationSearch()
  const { t } = useI18n()
  const location = useMemo(() => parseListSearch(search), [search])
  const notices = useMemo(() => location.notices.map((notice) => t(notice.key, notice.values)), [location.notices, t])
  // Reads location.search at call time, so two quick updates never overwrite each other.
  const update = useCallback<UpdateList>((patch, options) => {
    navigateSearch(patchListSearch(window.location.search, patch), options)
  }, [])
  return { ...location, notices, update }
}
