import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium } from '../../../scripts/ensure-chromium.ts'

/** Debian's Chromium with the flags this closed network needs (see scripts/ensure-chromium.ts). */
export async function launchChromium(executablePath: string = ensureChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
}

/**
 * An init script from a function, for page.addInitScript / context.addInitScript. tsx and
 * esbuild (keepNames) wrap named inner functions in `__name(...)`, a helper that exists in Node
 * but not in the page; the shim keeps the serialised function runnable there.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `(() => { const __name = (f) => f; (${fn.toString()})() })()` }
}
