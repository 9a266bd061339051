import { useId } from 'react'
import { Dialog } from '../../../components/dialog.tsx'
import { msg, type MessageKey } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { DENSITIES, moveColumn, type ColumnChoice, type Density } from './list-view.ts'
import './view-options-dialog.css'

const DENSITY_LABELS: Record<Density, MessageKey> = { comfortable: msg('Comfortable'), compact: msg('Compact') }

interface ViewOptionsDialogProps {
  choices: readonly ColumnChoice[]
  density: Density
  onChange: (choices: ColumnChoice[], density: Density) => void
  onReset: () => void
  onClose: () => void
}

/**
 * The column chooser: show/hide and order (Move up/down buttons: keyboard and screen-reader
 * friendly, unlike drag and drop), row density, Reset view. Changes apply at once behind the dialog.
 * Loaded lazily with the first click on "Columns".
 */
export function ViewOptionsDialog({ choices, density, onChange, onReset, onClose }: ViewOptionsDialogProps) {
  const { t } = useI18n()
  const hintId = useId()
  const densityName = useId()
  const visibleCount = choices.filter((choice) => choice.visible).length

  const toggle = (index: number) =>
    onChange(
      // A ticked or unticked box is a choice: stored, it no longer follows the column's default.
      choices.map((choice, at) => (at === index ? { ...choice, visible: !choice.visible, auto: false } : choice)),
      density,
    )
  const move = (index: number, step: 1 | -1, button: HTMLButtonElement) => {
    onChange(moveColumn(choices, index, step), density)
    // Keep the keyboard on the moved column: its button at the new place (or the other one at an end).
    const list = button.closest('ol')
    requestAnimationFrame(() => {
      const item = list?.children[index + step]
      const same = item?.querySelector<HTMLButtonElement>(`button[data-step="${step}"]:not(:disabled)`)
      ;(same ?? item?.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus()
    })
  }

  return (
    <Dialog
      title={t('Table view')}
      describedBy={hintId}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onReset}>
            {t('Reset view')}
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            {t('Done')}
          </button>
        </>
      }
    >
      <div className="dialog-body view-options">
        <p id={hintId} className="hint">
          {t(
            'Your choice is remembered in this browser. Columns marked “details” load each account’s full record, which makes pages a little slower.',
          )}
        </p>
        <fieldset>
          <legend>{t('Columns')}</legend>
          <ol className="column-choices">
            {choices.map((choice, index) => {
              const label = t(choice.spec.label)
              return (
                <li key={choice.spec.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={choice.visible}
                      // The table always keeps one column.
                      disabled={choice.visible && visibleCount === 1}
                      onChange={() => toggle(index)}
                      data-autofocus={index === 0 ? '' : undefined}
                    />
                    {label}
                    {choice.spec.full ? <span className="badge badge-neutral">{t('details')}</span> : null}
                  </label>
                  <span className="column-move">
                    <button
                      type="button"
                      className="button small quiet"
                      data-step="-1"
                      aria-label={t('Move {label} up', { label })}
                      disabled={index === 0}
                      onClick={(event) => move(index, -1, event.currentTarget)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button small quiet"
                      data-step="1"
                      aria-label={t('Move {label} down', { label })}
                      disabled={index === choices.length - 1}
                      onClick={(event) => move(index, 1, event.currentTarget)}
                    >
                      ↓
                    </button>
                  </span>
                </li>
              )
            })}
          </ol>
        </fieldset>
        <fieldset>
          <legend>{t('Row density')}</legend>
          <div className="density-choices">
            {DENSITIES.map((option) => (
              <label key={option}>
                <input type="radio" name={densityName} checked={density === option} onChange={() => onChange([...choices], option)} />
                {t(DENSITY_LABELS[option])}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </Dialog>
  )
}
