import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { ErrorBoundary } from './error-boundary.tsx'

function Broken(): never {
  throw new Error('boom')
}

test('an error thrown while rendering ends in an alert with Reload, not a blank page', () => {
  const caught: unknown[] = []
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
    // The error is expected here: collect it instead of letting React log it as console.error.
    { onCaughtError: (error) => void caught.push(error) },
  )
  expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong')
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  expect(caught).toHaveLength(1)
})

function ChunkFailed(): never {
  throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/account-drawer-x1.js')
}

test('a lazy chunk that cannot be downloaded (offline) says so and still offers Reload', () => {
  render(
    <ErrorBoundary>
      <ChunkFailed />
    </ErrorBoundary>,
    { onCaughtError: () => undefined },
  )
  expect(screen.getByRole('alert')).toHaveTextContent('Part of the dashboard could not be downloaded.')
  expect(screen.getByRole('alert')).toHaveTextContent('Check your connection, then reload.')
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
})
