import { useHotkeys } from '../../../lib/use-hotkeys.ts'

interface ListHotkeys {
  enabled: boolean
  offset: number
  limit: number
  total: number | undefined
  onOffset: (offset: number) => void
  onShortcuts: () => void
}

/** Arrows have their own meaning in fields, on radios and in selects: page keys leave them alone. */
const onFormControl = (event: KeyboardEvent) => event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement

/**
 * The list's page-wide keys: / search, ? shortcuts, j/k into the table, PageDown/→ and PageUp/←
 * page. Rows handle ↑/↓/j/k/Enter themselves; the drawer and dialogs handle Esc. A handler that
 * returns false leaves the key to the browser. A component that renders nothing, so that its code
 * loads after the first rows (sip-accounts-view.tsx, decision 016).
 */
export function ListHotkeys({ enabled, offset, limit, total, onOffset, onShortcuts }: ListHotkeys): null {
  const nextPage = (event: KeyboardEvent) => {
    if (onFormControl(event) || total === undefined || offset + limit >= total) return false
    onOffset(offset + limit)
  }
  const previousPage = (event: KeyboardEvent) => {
    if (onFormControl(event) || offset <= 0) return false
    // From a page past the end, back to the last real one.
    const lastOffset = total ? Math.floor((total - 1) / limit) * limit : 0
    onOffset(Math.max(0, Math.min(offset, lastOffset + limit) - limit))
  }
  const firstRow = () => {
    const row = document.querySelector<HTMLElement>('.data-table tbody tr[tabindex="0"]')
    if (!row) return false
    row.focus()
  }
  useHotkeys(
    {
      '/': () => {
        const search = document.getElementById('sip-search')
        if (!(search instanceof HTMLInputElement)) return false
        search.focus()
        search.select()
      },
      '?': onShortcuts,
      j: firstRow,
      k: firstRow,
      PageDown: nextPage,
      ArrowRight: nextPage,
      PageUp: previousPage,
      ArrowLeft: previousPage,
    },
    enabled,
  )
  return null
}
