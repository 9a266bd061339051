import { useId, useState, type KeyboardEvent } from 'react'
import './combobox.css'

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
  onInputChange: (value: string) => void
  onSelect: (option: ComboboxOption) => void
  /** The popup opened (e.g. load the options now). */
  onOpen?: () => void
  /** Focus left without a choice: drop what was typed. */
  onDismiss?: () => void
}

/** An editable combobox with a listbox popup (WAI-ARIA APG pattern, list autocomplete). */
export function Combobox({ label, inputValue, placeholder, options, message, onInputChange, onSelect, onOpen, onDismiss }: ComboboxProps) {
  const inputId = useId()
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const activeIndex = active < options.length ? active : -1
  const optionId = (index: number) => `${listId}-option-${index}`

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
      setActive((activeIndex + step + options.length) % options.length)
    } else if (event.key === 'Enter' && open && options[activeIndex]) {
      event.preventDefault()
      choose(options[activeIndex])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
    }
  }

  const expanded = open && options.length > 0
  return (
    <div className="combobox">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={inputValue}
        placeholder={placeholder}
        onChange={(event) => {
          show()
          setActive(-1)
          onInputChange(event.target.value)
        }}
        onFocus={show}
        onClick={show}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false)
          onDismiss?.()
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combobox-popup" hidden={!expanded}>
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
      {open && options.length === 0 && message ? (
        <p className="combobox-popup combobox-message" role="status">
          {message}
        </p>
      ) : null}
    </div>
  )
}
