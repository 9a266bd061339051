import { Dialog } from '../../../components/dialog.tsx'
import { msg, type MessageKey, type Translate } from '../../../lib/i18n.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import './shortcuts-dialog.css'

export const SHORTCUTS: readonly { keys: readonly string[]; action: MessageKey }[] = [
  { keys: ['/'], action: msg('Search') },
  { keys: ['↓', 'j'], action: msg('Next row') },
  { keys: ['↑', 'k'], action: msg('Previous row') },
  { keys: ['Enter'], action: msg('Open the account') },
  { keys: ['Esc'], action: msg('Close the account or dialog') },
  { keys: ['PageDown', '→'], action: msg('Next page') },
  { keys: ['PageUp', '←'], action: msg('Previous page') },
  { keys: ['?'], action: msg('These shortcuts') },
]

/** Keys with a name are written as the keyboard prints them; the name is a message all the same. */
const KEY_NAMES: Readonly<Record<string, MessageKey>> = {
  Enter: msg('Enter'),
  Esc: msg('Esc'),
  PageDown: msg('PageDown'),
  PageUp: msg('PageUp'),
}

function keyLabel(key: string, t: Translate): string {
  const name = KEY_NAMES[key]
  return name ? t(name) : key
}

/** The keyboard shortcuts, as a table (keys → action). Opened with "?" or its button. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog
      title={t('Keyboard shortcuts')}
      onClose={onClose}
      actions={
        <button type="button" className="button primary" onClick={onClose} data-autofocus="">
          {t('Close')}
        </button>
      }
    >
      <table className="shortcuts">
        <caption className="visually-hidden">{t('Keys and what they do')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Keys')}</th>
            <th scope="col">{t('Action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ` ${t('or')} ` : null}
                    <kbd>{keyLabel(key, t)}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('Row and page keys work when the focus is not in a text field.')}</p>
    </Dialog>
  )
}
