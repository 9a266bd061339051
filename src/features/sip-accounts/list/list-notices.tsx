/** Explains link parameters that were invalid and how they were read instead. */
export function ListNotices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null
  return (
    <div className="notice" role="status">
      <p className="notice-title">This link had values that could not be used as they were:</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </div>
  )
}
