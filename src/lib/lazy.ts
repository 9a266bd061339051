import { createElement, lazy, useEffect, useState, type ComponentType } from 'react'

/** Chromium, Firefox and Safari word a failed dynamic import differently; Vite adds its CSS preload. */
const CHUNK_FAILURE =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module/i

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILURE.test(error.message)
}

export interface LazyComponent<P extends object> {
  Component: ComponentType<P>
  /** Starts the download early (hover, focus); a failure here is silent, the render will say it. */
  preload: () => void
  /** Starts the download like preload; settles when it is here (or failed). */
  load: () => Promise<unknown>
  /** Downloaded: rendering it now does not suspend. */
  isLoaded: () => boolean
}

/** Forgets every failed download, so the next render tries again. */
const forgetters = new Set<() => void>()

/** For an error boundary's Retry: after the connection is back, the next render downloads again. */
export function forgetFailedDownloads(): void {
  for (const forget of forgetters) forget()
}

/**
 * React.lazy with a retry: React.lazy keeps a failed download's rejection forever, so after a
 * failure (seen by an error boundary) forgetFailedDownloads() swaps in a fresh React.lazy that
 * downloads again. preload() starts the download early and shares it with the render.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let pending: Promise<ComponentType<P>> | undefined
  /** Set once downloaded: a render after that does not suspend (see Lazy). */
  let loaded: ComponentType<P> | undefined
  let failed = false
  /** Whether the current React.lazy has asked for the module (then it keeps what it got). */
  let asked = false
  const get = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        failed = true
        throw error
      },
    ))
  const forget = () => {
    pending = undefined
    failed = false
  }
  const fresh = () =>
    lazy(() => {
      asked = true
      return get().then((component) => ({ default: component }))
    })
  let Current = fresh()
  forgetters.add(() => {
    if (!failed) return
    forget()
    asked = false
    Current = fresh()
  })
  /*
   * Already downloaded (preloaded on hover, idle or click): render it directly. Through React.lazy
   * even a loaded module suspends once, and React then holds the reveal for its 300 ms Suspense
   * throttle: measured, the drawer's first open took 350 ms, 300 of them idle. Chosen once per
   * mount, so an instance never switches component type (which would remount it).
   */
  function Lazy(props: P) {
    const [direct] = useState(() => loaded)
    return direct ? createElement(direct, props) : createElement(Current, props)
  }
  return {
    Component: Lazy,
    isLoaded: () => loaded !== undefined,
    preload: () => void download().catch(() => undefined),
    load: download,
  }
  function download() {
    // A failed preload that no render has seen is simply forgotten: the first render tries again.
    return get().catch((error: unknown) => {
      if (!asked) forget()
      throw error
    })
  }
}

/** Runs `run` when the browser is next idle (a second later where it cannot tell); returns a cancel. */
export function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run)
    return () => window.cancelIdleCallback(handle)
  }
  const timer = window.setTimeout(run, 1000)
  return () => window.clearTimeout(timer)
}

/**
 * Runs `run` once the browser has painted what was just committed: the next frame, then a task
 * after it. An effect alone is not enough: React runs the effects of an urgent render (a store
 * update, a click) in the same task as its commit, before the browser paints.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = window.requestAnimationFrame(() => (timer = setTimeout(run, 0)))
  return () => {
    window.cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

/**
 * Whether a part's code is here, downloading it once `start` is true, after the browser painted
 * the render that set it (afterPaint): a part wanted only after the first rows is requested after
 * they are on screen, never in the task that shows them. A failed download is tried again when
 * the browser is back online. Once true, the part renders directly (it never suspends).
 */
export function useLoaded(part: Pick<LazyComponent<never>, 'isLoaded' | 'load'>, start: boolean): boolean {
  const [loaded, setLoaded] = useState(part.isLoaded)
  useEffect(() => {
    if (!start || loaded) return
    let live = true
    const load = () =>
      void part.load().then(
        () => live && setLoaded(true),
        () => undefined,
      )
    const cancel = afterPaint(load)
    window.addEventListener('online', load)
    return () => {
      live = false
      cancel()
      window.removeEventListener('online', load)
    }
  }, [part, start, loaded])
  return loaded
}
