import { useId, useState, type KeyboardEvent, type UIEvent } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'
import { ComboboxField } from './combobox-field.tsx'

export interface ComboboxOption {
  id: string
  label: string
  detail?: string
}

interface ComboboxProps {
  label: string
  inputValue: string
  placeholder?: string
  options: readonly ComboboxOption[]
  /** Shown in the popup instead of options: "Searching…", "No customer matches", an error. */
  message?: string | undefined
  /** Shown under the options, e.g. "Showing 20 of 1,234". */
  footer?: string | undefined
  /** More options can be fetched: a "Load more" button, scrolling to the end, ArrowDown on the last. */
  hasMore?: boolean
  loadingMore?: boolean
  onLoadMore?: () => void
  onInputChange: (value: string) => void
  onSelect: (option: ComboboxOption) => void
  /** The popup opened (e.g. load the options now). */
  onOpen?: () => void
  /** Focus left without a choice: drop what was typed. */
  onDismiss?: () => void
  /** Takes the focus when it mounts (it replaces a stand-in that had it: combobox-field.tsx). */
  autoFocus?: boolean | undefined
}

/** Fetch the next options this close (px) to the end of the scrolled list. */
const LOAD_MORE_MARGIN = 48

/** An editable combobox with a listbox popup (WAI-ARIA APG pattern, list autocomplete). */
export function Combobox(props: ComboboxProps) {
  const { label, inputValue, placeholder, options, message, footer, hasMore = false, loadingMore = false } = props
  const { onLoadMore, onInputChange, onSelect, onOpen, onDismiss, autoFocus } = props
  const { t } = useI18n()
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const activeIndex = active < options.length ? active : -1
  const optionId = (index: number) => `${listId}-option-${index}`
  const loadMore = () => {
    if (hasMore && !loadingMore) onLoadMore?.()
  }

  const show = () => {
    if (!open) onOpen?.()
    setOpen(true)
  }
  const choose = (option: ComboboxOption) => {
    setOpen(false)
    setActive(-1)
    onSelect(option)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      show()
      if (options.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      // On the last option with more to come: fetch them and stay, rather than wrap to the top.
      if (step === 1 && activeIndex === options.length - 1 && hasMore) return loadMore()
      // From no active option, ArrowUp goes to the last one (APG), not the one before it.
      setActive(activeIndex < 0 ? (step === 1 ? 0 : options.length - 1) : (activeIndex + step + options.length) % options.length)
    } else if (event.key === 'Enter' && open && options[activeIndex]) {
      event.preventDefault()
      choose(options[activeIndex])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
    }
  }
  const onScroll = (event: UIEvent<HTMLUListElement>) => {
    const list = event.currentTarget
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - LOAD_MORE_MARGIN) loadMore()
  }

  const expanded = open && options.length > 0
  const showMessage = open && options.length === 0 && Boolean(message)
  const showFooter = expanded && (Boolean(footer) || hasMore)
  return (
    <ComboboxField
      label={label}
      listId={listId}
      expanded={expanded}
      input={{
        'aria-activedescendant': expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined,
        autoFocus,
        value: inputValue,
        placeholder,
        onChange: (event) => {
          show()
          setActive(-1)
          onInputChange(event.target.value)
        },
        onFocus: show,
        onClick: show,
        onKeyDown,
        onBlur: () => {
          setOpen(false)
          onDismiss?.()
        },
      }}
    >
      <div className="combobox-popup" hidden={!expanded && !showMessage}>
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!expanded} onScroll={onScroll}>
          {options.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="combobox-option"
              // Keep focus in the input, so choosing does not first blur (and dismiss) it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span>{option.label}</span>
              {option.detail ? <span className="subtle"> {option.detail}</span> : null}
            </li>
          ))}
        </ul>
        {showMessage ? (
          <p className="combobox-message" role="status">
            {message}
          </p>
        ) : null}
        {showFooter ? (
          <div className="combobox-footer">
            <span role="status">{footer}</span>
            {hasMore ? (
              <button
                type="button"
                className="button"
                // Out of the tab order and never focused: the input keeps focus (ArrowDown on the last option also loads more).
                tabIndex={-1}
                onMouseDown={(event) => event.preventDefault()}
                onClick={loadMore}
                disabled={loadingMore}
              >
                {loadingMore ? t('Loading…') : t('Load more')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </ComboboxField>
  )
}
