import { memo } from 'react'
import { formatCount } from '../../../lib/format.ts'
import { navigateSearch } from '../../../lib/url-state.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { patchListSearch } from '../list/list-params.ts'
import type { RankedCustomer } from './count-down.ts'

interface DownByCustomerTableProps {
  rows: readonly RankedCustomer[]
  /** The view's heading, which names the table ("Down by customer"). */
  labelledBy: string
  /** A new count is running (or failed): the rows shown are the previous one's. */
  stale: boolean
}

/** The list's own URL for one customer's down trunks: `?customer=<id>&up=false` (decision 001). */
function downListSearch(customer: string): string {
  return `?${patchListSearch('', { customer, up: false }).toString()}`
}

/** One row per customer: the name as a link to that customer's down trunks, and how many are down. */
export const DownByCustomerTable = memo(function DownByCustomerTable({ rows, labelledBy, stale }: DownByCustomerTableProps) {
  const { t } = useI18n()
  if (rows.length === 0) return <p className="down-empty">{t('No customer has a down trunk.')}</p>
  return (
    <div className={stale ? 'down-table-scroll is-stale' : 'down-table-scroll'}>
      <table className="down-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('Customer')}</th>
            <th scope="col" className="num">
              {t('Down trunks')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.customer}>
              <th scope="row">
                <CustomerLink customer={row.customer} name={row.name} />
              </th>
              <td className="num">{formatCount(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})

function CustomerLink({ customer, name }: { customer: string; name: string | undefined }) {
  const { t } = useI18n()
  const search = downListSearch(customer)
  return (
    <a
      href={`${window.location.pathname}${search}`}
      title={name ? undefined : customer}
      onClick={(event) => {
        // A plain click moves within the page; a middle or modified click opens a new tab as links do.
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        navigateSearch(new URLSearchParams(search))
      }}
    >
      {name ?? <span className="mono">{t('ID …{id}', { id: customer.slice(-6) })}</span>}
    </a>
  )
}
