import { Dialog } from '../../../components/dialog.tsx'
import './shortcuts-dialog.css'

export const SHORTCUTS: readonly { keys: readonly string[]; action: string }[] = [
  { keys: ['/'], action: 'Search' },
  { keys: ['↓', 'j'], action: 'Next row' },
  { keys: ['↑', 'k'], action: 'Previous row' },
  { keys: ['Enter'], action: 'Open the account' },
  { keys: ['Esc'], action: 'Close the account or dialog' },
  { keys: ['PageDown', '→'], action: 'Next page' },
  { keys: ['PageUp', '←'], action: 'Previous page' },
  { keys: ['?'], action: 'These shortcuts' },
]

/** The keyboard shortcuts, as a table (keys → action). Opened with "?" or its button. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      actions={
        <button type="button" className="button primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      }
    >
      <table className="shortcuts">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? ' or ' : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Row and page keys work when the focus is not in a text field.</p>
    </Dialog>
  )
}
