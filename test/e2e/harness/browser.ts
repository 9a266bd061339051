import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium } from '../../../scripts/ensure-chromium.ts'

/** Debian's Chromium with the flags this closed network needs (see scripts/ensure-chromium.ts). */
export async function launchChromium(executablePath: string = ensureChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
}
