import { useId } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'
import './pagination.css'

interface PaginationProps {
  /** The requested offset (from the URL), so quick repeated clicks keep moving while a page loads. */
  offset: number
  limit: number
  /** Unknown until the first page arrives; navigation is disabled until then. */
  total: number | undefined
  limitOptions: readonly number[]
  /** What the status region announces, e.g. "101–200 of 1,234". */
  statusText: string
  onOffsetChange: (offset: number) => void
  onLimitChange: (limit: number) => void
}

/** Offset/limit paging: rows per page, First/Previous/Next/Last and a live range. */
export function Pagination({ offset, limit, total, limitOptions, statusText, onOffsetChange, onLimitChange }: PaginationProps) {
  const { t } = useI18n()
  const selectId = useId()
  const known = total !== undefined
  const lastOffset = total ? Math.floor((total - 1) / limit) * limit : 0
  const atStart = !known || offset <= 0
  const atEnd = !known || offset + limit >= total

  return (
    <nav className="pagination" aria-label={t('Pagination')}>
      <div className="rows-per-page">
        <label htmlFor={selectId}>{t('Rows per page')}</label>
        <select id={selectId} value={limit} onChange={(event) => onLimitChange(Number(event.target.value))}>
          {limitOptions.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="range">
        {statusText}
      </p>
      <div className="pager-buttons">
        <button type="button" className="button" onClick={() => onOffsetChange(0)} disabled={atStart}>
          {t('First page')}
        </button>
        <button type="button" className="button" onClick={() => onOffsetChange(Math.max(0, offset - limit))} disabled={atStart}>
          {t('Previous page')}
        </button>
        <button type="button" className="button" onClick={() => onOffsetChange(offset + limit)} disabled={atEnd}>
          {t('Next page')}
        </button>
        <button type="button" className="button" onClick={() => onOffsetChange(lastOffset)} disabled={atEnd}>
          {t('Last page')}
        </button>
      </div>
    </nav>
  )
}
