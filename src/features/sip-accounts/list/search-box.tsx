import { useRef, useState, type KeyboardEvent } from 'react'
import { useDebouncedCallback } from '../../../lib/use-debounced-callback.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import './search-box.css'

export const SEARCH_DEBOUNCE_MS = 250

interface SearchBoxProps {
  /** The committed filter (from the URL). */
  filter: string
  placeholder: string
  /** `replace`: later commits of one typing burst replace the history entry instead of adding one. */
  onSearch: (filter: string, options: { replace: boolean }) => void
}

/** Debounced search: Enter searches at once, Esc clears; what is typed survives re-renders and unmount. */
export function SearchBox({ filter, placeholder, onSearch }: SearchBoxProps) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(filter)
  // Back/forward changes the filter from outside: adopt it (React's "adjust state on prop change").
  const [seenFilter, setSeenFilter] = useState(filter)
  if (filter !== seenFilter) {
    setSeenFilter(filter)
    if (filter !== draft.trim()) setDraft(filter)
  }

  // The first commit of a typing burst adds a history entry (Back returns to before the search);
  // the rest replace it, so Back is not a walk through every prefix typed.
  const inBurst = useRef(false)
  const commit = (value: string, endsBurst: boolean) => {
    onSearch(value.trim(), { replace: inBurst.current })
    inBurst.current = !endsBurst
  }
  const debounced = useDebouncedCallback((value: string) => commit(value, false), SEARCH_DEBOUNCE_MS)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      debounced.cancel()
      commit(draft, true)
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault()
      debounced.cancel()
      setDraft('')
      commit('', true)
    }
  }

  return (
    <div className="search">
      <label className="visually-hidden" htmlFor="sip-search">
        {t('Search')}
      </label>
      <input
        id="sip-search"
        type="search"
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          setDraft(event.target.value)
          debounced.run(event.target.value)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          debounced.flush()
          inBurst.current = false
        }}
      />
    </div>
  )
}
