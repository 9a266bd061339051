/*
 * The README's screenshots, in English and in Danish: the list and the drawer at 1400×900, as a
 * RESELLER (English) and as the Danish demo user, against the production build and the reference
 * server (the browser suite's stack). Usage: `npm run screenshots` (writes docs/images/*.png).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DemoUserKey } from '../server/demo-users.ts'
import { da, type MessageKey } from '../src/locales/da.ts'
import { App } from '../test/e2e/harness/app.ts'
import { launchChromium } from '../test/e2e/harness/browser.ts'
import { ROOT, startStack } from '../test/e2e/harness/stack.ts'

const OUT = join(ROOT, 'docs/images')

interface Shot {
  user: DemoUserKey
  /** File suffix: '' for English, '-da' for Danish. */
  suffix: string
  /** An element's name in the user's language: English names are the catalogue's keys. */
  word: (key: MessageKey) => string
}

const SHOTS: Shot[] = [
  { user: 'reseller', suffix: '', word: (key) => key },
  { user: 'dansk', suffix: '-da', word: (key) => da[key] },
]

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const stack = await startStack({ accounts: 10_000 })
  const browser = await launchChromium()
  try {
    for (const { user, suffix, word } of SHOTS) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
      const page = await context.newPage()
      const app = new App(context, page, stack.appUrl)
      await app.goto('/')
      await app.signIn(user)
      const table = page.getByRole('table', { name: word('SIP accounts') })
      await table.getByRole('row').nth(1).waitFor()
      // The Status radios carry their counts once they have arrived ("Down 426").
      await page
        .getByRole('radiogroup', { name: word('Status') })
        .getByRole('radio', { name: new RegExp(`^${word('Down')} \\d`) })
        .waitFor()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: join(OUT, `list${suffix}.png`) })

      await table.getByRole('link').first().click()
      const drawer = page.getByRole('dialog')
      await drawer.getByRole('button', { name: word('Close'), exact: true }).waitFor()
      await drawer.getByRole('heading', { name: word('Voice usage') }).waitFor()
      await page.waitForLoadState('networkidle')
      await page.screenshot({ path: join(OUT, `drawer${suffix}.png`) })
      await context.close()
      console.log(`screenshots: ${user} → docs/images/list${suffix}.png, drawer${suffix}.png`)
    }
  } finally {
    await browser.close()
    await stack.stop()
  }
}

await main()
