import type { Browser } from 'playwright-core'
import type { RunnerTestCase } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { MARKUP_NAME, MARKUP_NOTES } from '../../server/seed.ts'
import type { App } from './harness/app.ts'
import { initScript } from './harness/browser.ts'
import { WAIT } from './harness/app.ts'
import { expect, openApp, test } from './harness/fixtures.ts'

declare global {
  interface Window {
    __xss?: string[]
  }
}

/**
 * A page whose CSP is bypassed, so that markup injected by a rendering bug would really run
 * (the production CSP would otherwise hide the bug), with alert() trapped into a window flag.
 */
async function unprotectedApp(
  browser: Browser,
  task: Readonly<RunnerTestCase>,
  onFinished: (fn: () => Promise<void>) => void,
): Promise<App> {
  const app = await openApp(browser, task, onFinished, { bypassCSP: true })
  await app.page.addInitScript(
    initScript(() => {
      window.__xss = []
      const original = window.alert.bind(window)
      window.alert = (message?: unknown) => {
        window.__xss?.push(String(message))
        original(String(message))
      }
    }),
  )
  // The trap must really be there, or "nothing ran" would prove nothing.
  await app.goto('/')
  expect(await app.page.evaluate(() => Array.isArray(window.__xss))).toBe(true)
  return app
}

/** Elements or handlers that only exist if API strings were parsed as HTML. */
async function injected(app: App): Promise<string[]> {
  return app.page.evaluate(() => {
    const found: string[] = []
    for (const el of document.querySelectorAll('[onerror], [onload], [onmouseover], img[src="x"], svg')) {
      if (el.tagName.toLowerCase() === 'svg' && !el.hasAttribute('onload')) continue
      found.push(el.outerHTML.slice(0, 80))
    }
    for (const script of document.querySelectorAll('script'))
      if (!script.src) found.push(`inline script: ${script.textContent?.slice(0, 60) ?? ''}`)
    return [...found, ...(window.__xss ?? []).map((message) => `alert ran: ${message}`)]
  })
}

test('an account name with markup renders as text in the table and the drawer, and runs nothing', async ({
  browser,
  task,
  onTestFinished,
}) => {
  const app = await unprotectedApp(browser, task, (fn) => onTestFinished(fn))
  await app.goto('/')
  await app.signInToList('owner')
  await app.searchBox.fill('onerror')
  await app.searchBox.press('Enter')
  await expect.poll(async () => (await app.rowNames()).some((name) => name.includes(MARKUP_NAME)), WAIT).toBe(true)
  const row = app.rows.filter({ hasText: MARKUP_NAME }).first()
  await row.hover()
  await row.locator('td, th').first().click()
  const dialog = app.page.getByRole('dialog', { name: MARKUP_NAME })
  await dialog.waitFor()
  // Custom data holds `<b onmouseover=alert(2)>hover</b>` and `"><svg onload=alert(3)>`.
  await expect.poll(() => dialog.textContent(), WAIT).toContain('<b onmouseover=alert(2)>hover</b>')
  expect(await dialog.textContent()).toContain('"><svg onload=alert(3)>')
  await dialog.hover()
  expect(await injected(app)).toEqual([])
  expect(app.dialogs).toEqual([])
})

test('notes with a <script> render as text for ADMIN and run nothing', async ({ browser, task, onTestFinished }) => {
  const app = await unprotectedApp(browser, task, (fn) => onTestFinished(fn))
  await app.goto(`/?account=${DEMO_ACCOUNT_IDS.markupTrunk}`)
  await app.signIn('admin')
  const dialog = app.page.getByRole('dialog', { name: MARKUP_NAME })
  await dialog.waitFor()
  await expect.poll(() => dialog.textContent(), WAIT).toContain(MARKUP_NOTES)
  expect(await injected(app)).toEqual([])
  expect(app.dialogs).toEqual([])
})

test('the token travels only in the Authorization header (validateToken also as its documented ?token=): never in another URL, never in localStorage', async ({
  app,
}) => {
  await app.goto('/')
  await app.signInToList('manager')
  await app.page.reload()
  await app.waitForRows()
  expect(app.tokens.size).toBe(1)
  const [token] = [...app.tokens]
  const api = app.requests.filter((r) => r.url.pathname.startsWith('/api/') && r.url.pathname !== '/api/auth/login')
  expect(api.length).toBeGreaterThan(1)
  // The reload resumed through GET /auth/validateToken?token=…&extend=true, the documented form
  // (decisions 021, 028): the one URL the token may be in. Everywhere else: the header only.
  const checks = api.filter((r) => r.url.pathname === '/api/auth/validateToken')
  expect(checks).toHaveLength(1)
  expect(checks[0]?.url.searchParams.get('token')).toBe(token)
  for (const request of api) {
    if (request.url.pathname !== '/api/auth/validateToken') expect(request.url.href).not.toContain(token)
    expect(request.headers.authorization).toBe(`Bearer ${token}`)
  }
  const local = await app.page.evaluate(() => JSON.stringify({ ...localStorage }))
  expect(local).not.toContain(token)
})
