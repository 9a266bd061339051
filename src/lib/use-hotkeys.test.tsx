import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { useHotkeys } from './use-hotkeys.ts'

function Page({ onSlash, enabled = true }: { onSlash: () => void; enabled?: boolean }) {
  useHotkeys({ '/': onSlash }, enabled)
  return (
    <>
      <button type="button">Somewhere</button>
      <label>
        Search <input type="search" />
      </label>
    </>
  )
}

test('a shortcut fires outside text fields', async () => {
  const user = userEvent.setup()
  const onSlash = vi.fn()
  render(<Page onSlash={onSlash} />)
  await user.click(screen.getByRole('button', { name: 'Somewhere' }))
  await user.keyboard('/')
  expect(onSlash).toHaveBeenCalledTimes(1)
})

test('typing the same key in a text field is left alone', async () => {
  const user = userEvent.setup()
  const onSlash = vi.fn()
  render(<Page onSlash={onSlash} />)
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'a/b')
  expect(onSlash).not.toHaveBeenCalled()
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('a/b')
})

test('modifier combinations and disabled shortcuts do nothing', async () => {
  const user = userEvent.setup()
  const onSlash = vi.fn()
  const { rerender } = render(<Page onSlash={onSlash} />)
  await user.keyboard('{Control>}/{/Control}')
  expect(onSlash).not.toHaveBeenCalled()
  rerender(<Page onSlash={onSlash} enabled={false} />)
  await user.keyboard('/')
  expect(onSlash).not.toHaveBeenCalled()
})
