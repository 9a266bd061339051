import { useQueryClient } from '@tanstack/react-query'
import { sameId } from '../../../api/ids.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import type { SipAccountPage } from '../sip-account-api.ts'
import { sipAccountQueries } from '../sip-account-queries.ts'

/**
 * An id field as people read it: the thing's name when one is known, otherwise a labelled short
 * form (the last six hex digits tell two ids apart by eye). A bare 24-hex ObjectId means nothing
 * to an operator, so it is never the visible text; the whole id stays in the tooltip for support.
 */
export function IdLabel({ id, name }: { id: string | null | undefined; name: string | null | undefined }) {
  const { t } = useI18n()
  if (!id) return name ? <>{name}</> : null
  if (name) return <span title={id}>{name}</span>
  return (
    <span className="mono" title={id}>
      {t('ID …{id}', { id: id.slice(-6) })}
    </span>
  )
}

export interface ListedNames {
  ratePlan: (id: string | null | undefined) => string | undefined
  account: (id: string | null | undefined) => string | undefined
}

/**
 * Names the list pages already in the cache carry: GET /sip's condensed rows name their rate plan
 * (the full object has only its id) and every listed account names itself. Read when the drawer
 * renders, not subscribed: a name that arrives later shows on the drawer's next render, and
 * until then the short form is honest. No extra request is made for a name.
 */
export function useListedNames(): ListedNames {
  const client = useQueryClient()
  // The list queries' data is what their queryFn returned: pages parsed by zod at the boundary.
  const pages = client.getQueriesData<SipAccountPage>({ queryKey: sipAccountQueries.lists() })
  const rows = pages.flatMap(([, page]) => page?.sipAccounts ?? [])
  return {
    ratePlan: (id) => (id ? (rows.find((row) => row.ratePlanName && sameId(row.ratePlan, id))?.ratePlanName ?? undefined) : undefined),
    account: (id) => (id ? (rows.find((row) => row.name && sameId(row._id, id))?.name ?? undefined) : undefined),
  }
}
