export interface Debounced<A extends unknown[]> {
  run: (...args: A) => void
  /** Runs a pending call now (e.g. before unmount, so nothing typed is lost). */
  flush: () => void
  cancel: () => void
}

export function debounce<A extends unknown[]>(callback: (...args: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  const flush = () => {
    const args = pending
    cancel()
    if (args) callback(...args)
  }
  return {
    run: (...args: A) => {
      if (timer !== undefined) clearTimeout(timer)
      pending = args
      timer = setTimeout(flush, delayMs)
    },
    flush,
    cancel,
  }
}
