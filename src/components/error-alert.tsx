import type { ReactNode } from 'react'
import { useI18n } from '../lib/use-i18n.tsx'
import './error-alert.css'

interface ErrorAlertProps {
  title: string
  children?: ReactNode
  onRetry?: () => void
  retrying?: boolean
  /** Extra actions, e.g. "Show my own customer". */
  actions?: ReactNode
}

/** An inline error with a way forward. role="alert" so it is announced when it appears. */
export function ErrorAlert({ title, children, onRetry, retrying = false, actions }: ErrorAlertProps) {
  const { t } = useI18n()
  return (
    <div role="alert" className="error-alert">
      <p className="error-alert-title">{title}</p>
      {children ? <div className="error-alert-body">{children}</div> : null}
      {onRetry || actions ? (
        <div className="error-alert-actions">
          {onRetry ? (
            <button type="button" className="button" onClick={onRetry} disabled={retrying}>
              {retrying ? t('Retrying…') : t('Retry')}
            </button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </div>
  )
}
