import { useSyncExternalStore } from 'react'

/*
 * The URL is the only home of list state. pushState/replaceState fire no event, so every write
 * goes through navigate(), which announces the change to the subscribers below.
 */
const LOCATION_CHANGE = 'telecomx:locationchange'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(LOCATION_CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(LOCATION_CHANGE, onChange)
  }
}

function getSearch(): string {
  return window.location.search
}

/** The current `location.search` (with its leading "?"), re-rendering on back/forward and navigate(). */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, getSearch, () => '')
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (e.g. while typing a search). */
  replace?: boolean
}

/** Writes a new query string; a no-op when nothing changes, so Back never needs two presses. */
export function navigateSearch(search: URLSearchParams, { replace = false }: NavigateOptions = {}): void {
  const query = search.toString()
  const next = query ? `?${query}` : ''
  if (next === window.location.search) return
  const url = `${window.location.pathname}${next}${window.location.hash}`
  if (replace) window.history.replaceState(window.history.state, '', url)
  else window.history.pushState(window.history.state, '', url)
  window.dispatchEvent(new Event(LOCATION_CHANGE))
}
