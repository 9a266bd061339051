import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { Dialog } from './dialog.tsx'

test('the title names the dialog and is its heading; the description and the actions are inside it', () => {
  render(
    <Dialog
      title="Table view"
      describedBy="hint"
      onClose={() => {}}
      actions={
        <button type="button" data-autofocus="">
          Done
        </button>
      }
    >
      <p id="hint">Your choice is remembered.</p>
    </Dialog>,
  )
  const dialog = screen.getByRole('dialog', { name: 'Table view' })
  expect(dialog).toHaveAccessibleDescription('Your choice is remembered.')
  expect(within(dialog).getByRole('heading', { level: 2, name: 'Table view' })).toBeInTheDocument()
  // The actions come after the content, and the marked one has the focus.
  const done = within(dialog).getByRole('button', { name: 'Done' })
  expect(screen.getByText('Your choice is remembered.').compareDocumentPosition(done) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(done).toHaveFocus()
})

test('Esc closes it; without actions there is no empty actions row', async () => {
  const onClose = vi.fn()
  const user = userEvent.setup()
  render(
    <Dialog title="Export CSV" onClose={onClose}>
      <p>Nothing to do</p>
    </Dialog>,
  )
  expect(screen.getByRole('dialog', { name: 'Export CSV' }).querySelector('.dialog-actions')).toBeNull()
  await user.keyboard('{Escape}')
  expect(onClose).toHaveBeenCalledTimes(1)
})
