/*
 * The `test` every browser scenario uses: one Chromium per worker (shared by its files), a fresh browser context
 * (empty sessionStorage, no cookies) and App driver per test. After each test the driver's
 * invariants are checked (no token in any URL or in localStorage, no dialog, no uncaught
 * exception); when a test fails a full-page screenshot goes to test-results/e2e/.
 */
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Browser, BrowserContextOptions } from 'playwright-core'
import type { RunnerTestCase } from 'vitest'
import { inject, test as base } from 'vitest'
import { App } from './app.ts'
import { DirectApi } from './api.ts'
import { launchChromium } from './browser.ts'
import { ROOT } from './stack.ts'

export const SCREENSHOT_DIR = join(ROOT, 'test-results/e2e')

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)
}

export const test = base
  // Vitest reads fixture dependencies from the destructuring pattern; this one depends on nothing.
  // eslint-disable-next-line no-empty-pattern
  .extend('browser', { scope: 'worker' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium(inject('e2e').chromiumPath)
    onCleanup(() => browser.close())
    return browser
  })
  // eslint-disable-next-line no-empty-pattern
  .extend('api', { scope: 'file' }, ({}): DirectApi => new DirectApi(inject('e2e').apiUrl))
  .extend('app', ({ browser, task }, { onCleanup }): Promise<App> => openApp(browser, task, onCleanup))

/**
 * A fresh context and page with the checks and failure screenshot described above. Tests that
 * need special context options (e.g. bypassCSP) call it themselves.
 */
export async function openApp(
  browser: Browser,
  task: Readonly<RunnerTestCase>,
  onCleanup: (cleanup: () => Promise<void>) => void,
  options: BrowserContextOptions = {},
): Promise<App> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const app = new App(context, page, inject('e2e').appUrl)
  onCleanup(async () => {
    try {
      if (task.result?.state === 'fail') {
        mkdirSync(SCREENSHOT_DIR, { recursive: true })
        const file = join(SCREENSHOT_DIR, `${slug(basename(task.file.name, '.e2e.test.ts'))}--${slug(task.name)}.png`)
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
        console.error(`screenshot: ${file}\nAPI requests: ${app.describe()}`)
      } else {
        const problems = await app.invariantViolations()
        if (problems.length > 0) throw new Error(problems.join('\n'))
      }
    } finally {
      await context.close()
    }
  })
  return app
}

export { expect } from 'vitest'
