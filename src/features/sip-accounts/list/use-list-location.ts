import { useCallback, useMemo } from 'react'
import { navigateSearch, useLocationSearch, type NavigateOptions } from '../../../lib/url-state.ts'
import { parseListSearch, patchListSearch, type ListLocation, type ListPatch } from './list-params.ts'

export type UpdateList = (patch: ListPatch, options?: NavigateOptions) => void

/** List state read from the URL (parsed once per distinct query string) and a writer for it. */
export function useListLocation(): ListLocation & { update: UpdateList } {
  const search = useLocationSearch()
  const location = useMemo(() => parseListSearch(search), [search])
  // Reads location.search at call time, so two quick updates never overwrite each other.
  const update = useCallback<UpdateList>((patch, options) => {
    navigateSearch(patchListSearch(window.location.search, patch), options)
  }, [])
  return { ...location, update }
}
