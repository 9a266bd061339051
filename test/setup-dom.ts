import '@testing-library/jest-dom/vitest'
import { cleanup, configure, getConfig } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { installComputedStyle } from './computed-style.ts'
import { skipOwnerStacks } from './react-owner-stacks.ts'

skipOwnerStacks()
installComputedStyle(globalThis)

// findBy*/waitFor give up after 5 s instead of 1 s: a busy CI machine is slow, not wrong. Passing
// tests are not slowed (they resolve as soon as the expectation holds).
configure({ asyncUtilTimeout: 5000 })

// A query that fails inside waitFor/findBy (it is retried on every DOM change) gets a plain error:
// the default prints the whole document into each one, and with a page of rows that was a third of
// a whole-app test's time (profiled). The error a test finally fails with still shows the DOM:
// waitFor's timeout asks getElementError again, outside its retries.
const fullElementError = getConfig().getElementError
configure({
  getElementError: (message, container) => {
    const config = getConfig()
    if ('_disableExpensiveErrorDiagnostics' in config && config._disableExpensiveErrorDiagnostics === true) {
      const error = new Error(message ?? '')
      error.name = 'TestingLibraryElementError'
      return error
    }
    return fullElementError(message, container)
  },
})

afterEach(async () => {
  cleanup()
  sessionStorage.clear()
  localStorage.clear()
  // What a fresh jsdom and module graph would give the next file (vitest.config.ts: the dom
  // project's files share both within a worker): real timers, the first URL, an empty <head> and
  // <html> (lang, theme), English for code outside React. The i18n module is imported here as the
  // tests import it now (scope-stand-in.test.tsx loads the app's modules afresh).
  vi.useRealTimers()
  window.history.replaceState(null, '', '/')
  document.head.replaceChildren()
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name)
  const { activate } = await import('../src/lib/i18n.ts')
  activate('en', undefined)
})
