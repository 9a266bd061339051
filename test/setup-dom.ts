import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import './setup-node.ts'

afterEach(() => {
  cleanup()
  sessionStorage.clear()
  localStorage.clear()
})
