import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import './setup-node.ts'

// findBy*/waitFor give up after 5 s instead of 1 s: a busy CI machine is slow, not wrong. Passing
// tests are not slowed (they resolve as soon as the expectation holds).
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
  sessionStorage.clear()
  localStorage.clear()
})
