/*
 * Vitest globalSetup of the `e2e` project: makes sure Chromium exists, builds the app, seeds a
 * fresh reference server and starts `vite preview`; the teardown stops them (process groups),
 * and it runs even when tests fail.
 */
import type { TestProject } from 'vitest/node'
import { ensureChromium } from '../../../scripts/ensure-chromium.ts'
import { startStack, type Stack } from './stack.ts'

export interface E2eEnv {
  appUrl: string
  apiUrl: string
  chromiumPath: string
  /** The production build preview serves (the bundle budget measures its files). */
  distDir: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv
  }
}

/**
 * Seeds in about a second, and gives the demo customer (6% of the accounts) 600 rows, so its
 * VIEWER/MANAGER/OWNER can page and fill a 500-row page. (GET /sip defaults to the user's own
 * customer, so ADMIN's own list is Telecom X's handful of trunks.)
 */
export const E2E_ACCOUNTS = 10_000

let stack: Stack | undefined

export async function setup(project: TestProject): Promise<void> {
  const chromiumPath = ensureChromium({ log: (line) => console.log(line) })
  const started = Date.now()
  stack = await startStack({ accounts: E2E_ACCOUNTS })
  console.log(`e2e: built and started in ${((Date.now() - started) / 1000).toFixed(1)} s — app ${stack.appUrl}, API ${stack.apiUrl}`)
  project.provide('e2e', { appUrl: stack.appUrl, apiUrl: stack.apiUrl, chromiumPath, distDir: stack.distDir })
}

export async function teardown(): Promise<void> {
  await stack?.stop()
  stack = undefined
}
