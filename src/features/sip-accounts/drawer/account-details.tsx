import { useQuery } from '@tanstack/react-query'
import type { SipAccount, SipAccountFull } from '../../../api/sip-account.ts'
import { useSession, useSipAccess, useSipAccountApi } from '../../../app/session-context.tsx'
import { BillingSection, CustomDataSection, NotesSection } from './account-billing.tsx'
import { CallingSection, ConnectionSection, FailoverSection, OverviewSection } from './account-sections.tsx'
import { sipAccountQueries } from '../sip-account-queries.ts'
import { useCustomerName } from '../scope/use-customer-name.ts'
import { VoiceUsageSection, type VoiceUsageState } from './voice-usage-section.tsx'

interface AccountDetailsProps {
  account: SipAccountFull
  /** The condensed row from the list, when the account is on the current page. */
  row: SipAccount | undefined
  onPasswordRevealed: (revealed: boolean) => void
}

/**
 * The full object lacks voiceUsage and ratePlanName. From the list they come for free; otherwise
 * (a link) the condensed row is found with GET /sip scoped to the account's customer and filtered
 * by its username (or first number, or name), picking the _id match.
 */
function useCondensedRow(account: SipAccountFull, row: SipAccount | undefined): { row: SipAccount | null; usage: VoiceUsageState } {
  const api = useSipAccountApi()
  const session = useSession()
  const filter = account.username ?? account.numbers?.[0] ?? account.name ?? ''
  const customer = account.customer ?? session.customer ?? ''
  const needed = !row && filter !== '' && customer !== ''
  const probe = useQuery({ ...sipAccountQueries.condensed(api, { id: account._id, customer, filter }), enabled: needed })
  if (row) return { row, usage: { status: 'ready', usage: row.voiceUsage } }
  // An API that sends voiceUsage with the full object needs no probe for the chart.
  if (account.voiceUsage) return { row: probe.data ?? null, usage: { status: 'ready', usage: account.voiceUsage } }
  if (!needed) return { row: null, usage: { status: 'unavailable' } }
  if (probe.isError) {
    return { row: null, usage: { status: 'error', retry: () => void probe.refetch(), retrying: probe.isFetching } }
  }
  if (probe.isPending) return { row: null, usage: { status: 'loading' } }
  if (probe.data === null) return { row: null, usage: { status: 'unavailable' } }
  return { row: probe.data, usage: { status: 'ready', usage: probe.data.voiceUsage } }
}

export function AccountDetails({ account, row, onPasswordRevealed }: AccountDetailsProps) {
  const access = useSipAccess()
  const condensed = useCondensedRow(account, row)
  const customerLabel = useCustomerName(account.customer)
  return (
    <>
      <OverviewSection account={account} customerLabel={customerLabel} />
      <ConnectionSection account={account} access={access} onPasswordRevealed={onPasswordRevealed} />
      <CallingSection account={account} />
      <FailoverSection account={account} />
      <BillingSection account={account} ratePlanName={condensed.row?.ratePlanName ?? account.ratePlanName} />
      {access.notes ? <NotesSection notes={account.notes} /> : null}
      <CustomDataSection custom={account.custom} />
      <VoiceUsageSection state={condensed.usage} />
    </>
  )
}
