import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function whose identity never changes but which always calls the latest `callback`.
 * For handlers passed to memoised rows: a new closure per render would re-render all 500 of them.
 */
export function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback)
  useLayoutEffect(() => {
    latest.current = callback
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
