import { useEffect, useRef, useState } from 'react'
import { debounce, type Debounced } from './debounce.ts'

/**
 * A debounced `callback`: the latest callback is always the one called, the returned object is
 * stable, and a pending call is flushed on unmount rather than dropped (nothing typed is lost).
 */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delayMs: number): Debounced<A> {
  const latest = useRef(callback)
  useEffect(() => {
    latest.current = callback
  })
  // eslint-disable-next-line react-hooks/refs -- the ref is read when the timer fires, never during render
  const [debounced] = useState(() => debounce((...args: A) => latest.current(...args), delayMs))
  useEffect(() => debounced.flush, [debounced])
  return debounced
}
