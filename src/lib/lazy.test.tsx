import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component, Suspense, type ReactNode } from 'react'
import { expect, test, vi } from 'vitest'
import { afterPaint, forgetFailedDownloads, lazyComponent, useLoaded, whenIdle } from './lazy.ts'

/** A module download that the test settles: fail or succeed. */
function download() {
  const attempts: { resolve: (c: () => ReactNode) => void; reject: (e: Error) => void }[] = []
  const load = () => new Promise<() => ReactNode>((resolve, reject) => attempts.push({ resolve, reject }))
  return { attempts, load }
}

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    if (!this.state.failed) return <Suspense fallback={<p>Loading…</p>}>{this.props.children}</Suspense>
    return (
      <button
        type="button"
        onClick={() => {
          forgetFailedDownloads()
          this.setState({ failed: false })
        }}
      >
        Retry
      </button>
    )
  }
}

const failure = () => new Error('Failed to fetch dynamically imported module')

test('a failed download reaches the error boundary once; Retry downloads again and renders', async () => {
  const { attempts, load } = download()
  const { Component: Lazy } = lazyComponent(load)
  const caught: unknown[] = []
  render(
    <Boundary>
      <Lazy />
    </Boundary>,
    // The failure is expected: collect it instead of letting React log it as console.error.
    { onCaughtError: (error) => void caught.push(error) },
  )
  expect(screen.getByText('Loading…')).toBeInTheDocument()
  attempts[0]?.reject(failure())
  const retry = await screen.findByRole('button', { name: 'Retry' })
  expect(caught).toHaveLength(1)
  // Not retried behind the user's back (React.lazy would suspend again and again otherwise).
  expect(attempts).toHaveLength(1)
  await userEvent.click(retry)
  expect(attempts).toHaveLength(2)
  attempts[1]?.resolve(() => <p>Loaded</p>)
  expect(await screen.findByText('Loaded')).toBeInTheDocument()
})

test('a failed preload nobody rendered is forgotten: the first render downloads again', async () => {
  const { attempts, load } = download()
  const lazy = lazyComponent(load)
  lazy.preload()
  lazy.preload()
  expect(attempts).toHaveLength(1)
  attempts[0]?.reject(failure())
  await Promise.resolve()
  await Promise.resolve()
  render(
    <Boundary>
      <lazy.Component />
    </Boundary>,
  )
  expect(attempts).toHaveLength(2)
  attempts[1]?.resolve(() => <p>Loaded</p>)
  expect(await screen.findByText('Loaded')).toBeInTheDocument()
})

function Part({ start, lazy }: { start: boolean; lazy: ReturnType<typeof lazyComponent<object>> }) {
  const loaded = useLoaded(lazy, start)
  return loaded ? <lazy.Component /> : <p>Stand-in</p>
}

test('useLoaded downloads only once asked to, then renders the part directly; a failed download is tried again when back online', async () => {
  const { attempts, load } = download()
  const lazy = lazyComponent(load)
  const { rerender } = render(<Part start={false} lazy={lazy} />)
  expect(screen.getByText('Stand-in')).toBeInTheDocument()
  // Not asked yet (the list's first rows are not shown): nothing is downloaded.
  expect(attempts).toHaveLength(0)
  rerender(<Part start lazy={lazy} />)
  // Asked: not in the task that rendered it, but once the browser has painted (afterPaint).
  expect(attempts).toHaveLength(0)
  await waitFor(() => expect(attempts).toHaveLength(1))
  attempts[0]?.reject(failure())
  // Offline: the stand-in stays; nothing is retried behind the user's back until the browser is online.
  await new Promise((settled) => setTimeout(settled, 0))
  expect(screen.getByText('Stand-in')).toBeInTheDocument()
  expect(attempts).toHaveLength(1)
  window.dispatchEvent(new Event('online'))
  expect(attempts).toHaveLength(2)
  attempts[1]?.resolve(() => <p>Loaded</p>)
  expect(await screen.findByText('Loaded')).toBeInTheDocument()
  expect(screen.queryByText('Stand-in')).not.toBeInTheDocument()
})

test('afterPaint runs after the next frame, never in the calling task; cancelled, it never runs', async () => {
  const runs: string[] = []
  afterPaint(() => runs.push('painted'))
  const cancel = afterPaint(() => runs.push('cancelled'))
  cancel()
  expect(runs).toEqual([])
  await new Promise<void>((frame) => requestAnimationFrame(() => setTimeout(() => setTimeout(frame, 0), 0)))
  expect(runs).toEqual(['painted'])
})

test('whenIdle runs once the browser is idle (a second later where it cannot tell); cancelled, it never runs', () => {
  // jsdom has no requestIdleCallback: the fallback, on a fake clock.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const runs: string[] = []
    whenIdle(() => runs.push('idle'))
    whenIdle(() => runs.push('cancelled'))()
    vi.advanceTimersByTime(999)
    expect(runs).toEqual([])
    vi.advanceTimersByTime(1)
    expect(runs).toEqual(['idle'])
  } finally {
    vi.useRealTimers()
  }
})
