import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import './combobox.css'

interface ComboboxFieldProps {
  label: string
  /** The listbox's id (the input controls it). */
  listId: string
  expanded: boolean
  /** The input's value, placeholder, handlers… (its id, role and ARIA attributes are set here). */
  input: InputHTMLAttributes<HTMLInputElement> & { 'data-stand-in'?: '' }
  /** The popup. */
  children: ReactNode
}

/** The label and the input of a combobox (combobox.tsx), the one place their markup is written. */
export function ComboboxField({ label, listId, expanded, input, children }: ComboboxFieldProps) {
  const inputId = useId()
  return (
    <div className="combobox">
      <label htmlFor={inputId}>{label}</label>
      <input
        {...input}
        id={inputId}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
      />
      {children}
    </div>
  )
}

interface ComboboxStandInProps {
  label: string
  value: string
  placeholder?: string | undefined
  /** Focus or a pointer over it: the real combobox is wanted now. */
  onWant: () => void
  /** Typed before the real combobox was here: kept for it. */
  onType: (value: string) => void
  onFocusChange: (focused: boolean) => void
}

/**
 * A closed combobox with the same markup and name, for the moment before its code is here (the
 * list page loads it right after the first rows, decision 016). The caller swaps in the real one
 * with what was typed, and focus if it had it.
 */
export function ComboboxStandIn({ label, value, placeholder, onWant, onType, onFocusChange }: ComboboxStandInProps) {
  const listId = useId()
  return (
    <ComboboxField
      label={label}
      listId={listId}
      expanded={false}
      input={{
        'data-stand-in': '',
        value,
        placeholder,
        onChange: (event) => onType(event.target.value),
        onPointerEnter: onWant,
        onFocus: () => {
          onWant()
          onFocusChange(true)
        },
        onBlur: () => onFocusChange(false),
      }}
    >
      <div className="combobox-popup" hidden>
        <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden />
      </div>
    </ComboboxField>
  )
}
