import { useState } from 'react'
import { LazyDialogBoundary } from '../../../components/lazy-boundary.tsx'
import type { Translate } from '../../../lib/i18n.ts'
import { lazyComponent } from '../../../lib/lazy.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import type { RowMark } from '../../../components/data-table.tsx'
import './changes-button.css'

// The panel is fetched on first use (hover or focus starts it early).
const changesPanel = lazyComponent(() => import('./changes-panel.tsx').then((module) => module.ChangesPanel))
const ChangesPanel = changesPanel.Component

/** "3 went down", "1 came up", "3 went down, 1 came up": the marked rows (useRowMarks), by their newest unseen change. */
function unseenSummary(marks: ReadonlyMap<string, RowMark>, t: Translate): { text: string; down: number } {
  let down = 0
  for (const mark of marks.values()) if (mark.tone === 'negative') down += 1
  const up = marks.size - down
  const parts = [down > 0 ? t('{count} went down', { count: down }) : '', up > 0 ? t('{count} came up', { count: up }) : '']
  return { text: parts.filter(Boolean).join(', '), down }
}

/**
 * "Changes" with a count of what is not seen yet; opens the session's change log. Its accessible
 * name starts with "Changes" and carries the count ("Changes 3 went down").
 */
export function ChangesButton({
  marks,
  onOpenAccount,
}: {
  marks: ReadonlyMap<string, RowMark>
  onOpenAccount: (accountId: string) => void
}) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const summary = unseenSummary(marks, t)
  const close = () => setOpen(false)
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() => setOpen(true)}
        onPointerEnter={changesPanel.preload}
        onFocus={changesPanel.preload}
      >
        {t('Changes')}
        {summary.text ? (
          <>
            {' '}
            <span className={summary.down > 0 ? 'changes-count is-down' : 'changes-count'}>{summary.text}</span>
          </>
        ) : null}
      </button>
      {open ? (
        <LazyDialogBoundary title={t('Status changes')} onClose={close}>
          <ChangesPanel
            onClose={close}
            onOpenAccount={(accountId) => {
              close()
              onOpenAccount(accountId)
            }}
          />
        </LazyDialogBoundary>
      ) : null}
    </>
  )
}
