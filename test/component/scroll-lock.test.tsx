import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { DEMO_ACCOUNT_IDS } from '../../server/demo-users.ts'
import { Dialog } from '../../src/components/dialog.tsx'
import { setupReferenceApi } from '../reference-api.ts'
import { findRows, renderApp } from './render-app.tsx'

const api = setupReferenceApi()
vi.setConfig({ testTimeout: 20_000 })

const html = () => document.documentElement

afterEach(() => {
  html().style.overflow = ''
})

test('the open drawer locks the page scroll; closing it restores what the page had', async () => {
  // A value the page set itself must come back, not be replaced by ''.
  html().style.overflow = 'auto'
  const { user } = renderApp(api, { as: 'owner', url: `/?account=${DEMO_ACCOUNT_IDS.primaryTrunk}` })
  const dialog = await screen.findByRole('dialog', { name: 'Hovedtrunk København' }, { timeout: 8000 })
  expect(html().style.overflow).toBe('hidden')
  expect(document.body.style.overflow).toBe('hidden')
  // The drawer's own scroller keeps its scroll to itself.
  expect(dialog.querySelector('.drawer-body')).not.toBeNull()
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(html().style.overflow).toBe('auto')
  expect(document.body.style.overflow).toBe('')
})

test('the keyboard shortcuts dialog locks the page scroll while open', async () => {
  const { user } = renderApp(api, { as: 'owner' })
  await findRows()
  expect(html().style.overflow).toBe('')
  await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
  const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 8000 })
  expect(html().style.overflow).toBe('hidden')
  // The content is in a body of its own (that scrolls), the Close button in the actions after it.
  const body = dialog.querySelector('.dialog-body')
  expect(body).toContainElement(within(dialog).getByRole('table'))
  expect(body).not.toContainElement(within(dialog).getByRole('button', { name: 'Close' }))
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(html().style.overflow).toBe('')
})

function Nested() {
  const [outer, setOuter] = useState(true)
  const [inner, setInner] = useState(true)
  return outer ? (
    <Dialog title="Outer" onClose={() => setOuter(false)} actions={<button onClick={() => setOuter(false)}>Close outer</button>}>
      {inner ? (
        <Dialog title="Inner" onClose={() => setInner(false)} actions={<button onClick={() => setInner(false)}>Close inner</button>}>
          <p>Inner content</p>
        </Dialog>
      ) : null}
    </Dialog>
  ) : null
}

test('nested dialogs keep the lock until the last one closes', async () => {
  const user = userEvent.setup()
  render(<Nested />)
  expect(screen.getAllByRole('dialog', { hidden: true })).toHaveLength(2)
  expect(html().style.overflow).toBe('hidden')
  await user.click(screen.getByRole('button', { name: 'Close inner' }))
  expect(screen.getAllByRole('dialog')).toHaveLength(1)
  expect(html().style.overflow).toBe('hidden')
  await user.click(screen.getByRole('button', { name: 'Close outer' }))
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(html().style.overflow).toBe('')
})
