import { createElement, lazy, type ComponentType } from 'react'

/** Chromium, Firefox and Safari word a failed dynamic import differently; Vite adds its CSS preload. */
const CHUNK_FAILURE = /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module/i

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_FAILURE.test(error.message)
}

export interface LazyComponent<P extends object> {
  Component: ComponentType<P>
  /** Starts the download early (hover, focus); a failure here is silent, the render will say it. */
  preload: () => void
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
  let failed = false
  /** Whether the current React.lazy has asked for the module (then it keeps what it got). */
  let asked = false
  const get = () =>
    (pending ??= load().catch((error: unknown) => {
      failed = true
      throw error
    }))
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
  function Lazy(props: P) {
    return createElement(Current, props)
  }
  return {
    Component: Lazy,
    preload: () => {
      // A failed preload that no render has seen is simply forgotten: the first render tries again.
      get().catch(() => {
        if (!asked) forget()
      })
    },
  }
}
