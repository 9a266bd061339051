/*
 * In-page instrumentation for the benchmark, installed with addInitScript so it exists from the
 * first byte of every document. It timestamps user input (event.timeStamp: same clock as
 * performance.now()), collects long tasks, and waits — with a MutationObserver, not polling —
 * until given text appears in the first table row, in row N, or in the dialog; it then records the
 * DOM time and the start of the next animation frame (the frame that paints it).
 */

export type WaitKind = 'first-row' | 'row-at' | 'dialog'

export interface Visible {
  domAt: number
  frameAt: number
}

export interface ProbeInput {
  type: string
  /** The event's timeStamp: when the input happened (the browser's input latency included). */
  at: number
  /** When the page's first listener saw it: from here on, the time is the page's own work. */
  handledAt: number
}

export interface BenchProbe {
  inputs: ProbeInput[]
  longTasks: { start: number; duration: number }[]
  /** Starts waiting; `pending` resolves when the text is visible. Rejects if it already is. */
  arm(kind: WaitKind, text: string, index?: number, timeoutMs?: number): void
  pending: Promise<Visible> | null
  /** Set by the init script when sessionStorage 'bench.coldRow' names text to wait for on load. */
  cold: Visible | null
}

declare global {
  interface Window {
    __bench?: BenchProbe
  }
}

/** Runs in the page (serialised by Playwright): no closures over Node values. */
export function installProbe(): void {
  const matches = (kind: WaitKind, text: string, index: number): boolean => {
    if (kind === 'dialog') {
      const dialog = document.querySelector('[role="dialog"], dialog[open]')
      return dialog !== null && (dialog.textContent ?? '').includes(text)
    }
    for (const table of document.querySelectorAll('table')) {
      const rows = table.querySelectorAll('tbody tr')
      const row = rows[kind === 'first-row' ? 0 : index]
      if (row && (row.textContent ?? '').includes(text)) return true
    }
    return false
  }
  const waitFor = (kind: WaitKind, text: string, index: number, timeoutMs: number): Promise<Visible> =>
    new Promise((resolve, reject) => {
      if (matches(kind, text, index)) {
        reject(new Error(`bench probe: "${text}" is already visible before the action`))
        return
      }
      const timer = setTimeout(() => {
        observer.disconnect()
        reject(new Error(`bench probe: "${text}" (${kind}) not visible within ${timeoutMs} ms`))
      }, timeoutMs)
      const observer = new MutationObserver(() => {
        if (!matches(kind, text, index)) return
        const domAt = performance.now()
        observer.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => resolve({ domAt, frameAt: performance.now() }))
      })
      observer.observe(document, { subtree: true, childList: true, characterData: true })
    })

  const probe: BenchProbe = {
    inputs: [],
    longTasks: [],
    pending: null,
    cold: null,
    arm(kind, text, index = 0, timeoutMs = 30_000) {
      probe.inputs = []
      probe.pending = waitFor(kind, text, index, timeoutMs)
      // Never an unhandled rejection; the awaiting side sees it.
      probe.pending.catch(() => undefined)
    },
  }
  for (const type of ['click', 'keydown', 'change', 'submit']) {
    window.addEventListener(type, (event) => probe.inputs.push({ type, at: event.timeStamp, handledAt: performance.now() }), true)
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task API: the figures will say 0.
  }
  const coldText = sessionStorage.getItem('bench.coldRow')
  if (coldText) {
    sessionStorage.removeItem('bench.coldRow')
    void waitFor('first-row', coldText, 0, 30_000).then((visible) => {
      probe.cold = visible
    })
  }
  window.__bench = probe
}
