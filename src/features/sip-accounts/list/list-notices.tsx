import { useI18n } from '../../../lib/use-i18n.tsx'

/** Explains link parameters that were invalid and how they were read instead (already in the page's language). */
export function ListNotices({ notices }: { notices: readonly string[] }) {
  const { t } = useI18n()
  if (notices.length === 0) return null
  return (
    <div className="notice" role="status">
      <p className="notice-title">{t('This link had values that could not be used as they were:')}</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  )
}
