import type { SipAccountFull } from '../../../api/sip-account.ts'
import { Field, FieldList, Section } from '../../../components/field-list.tsx'
import { formatDay } from '../../../lib/format.ts'
import './account-billing.css'

export function BillingSection({ account, ratePlanName }: { account: SipAccountFull; ratePlanName: string | null | undefined }) {
  return (
    <Section title="Billing">
      <FieldList>
        <Field label="Rate plan">
          {ratePlanName ?? account.ratePlan}
          {ratePlanName && account.ratePlan ? <span className="subtle mono"> ({account.ratePlan})</span> : null}
        </Field>
        <Field label="New rate plan from next month">{account.newRatePlan}</Field>
        <Field label="Parent SIP account">{account.parentSipAccount}</Field>
        <Field label="Invoiced until">{formatDay(account.invoicedUntil)}</Field>
        <Field label="Billing customer">{account.billingCustomer}</Field>
      </FieldList>
    </Section>
  )
}

export function NotesSection({ notes }: { notes: string | null | undefined }) {
  return (
    <Section title="Notes">
      {/* Text only: notes may hold markup, which must show as written. */}
      {notes ? <p className="pre-wrap">{notes}</p> : <p className="subtle">No notes.</p>}
    </Section>
  )
}

export function CustomDataSection({ custom }: { custom: SipAccountFull['custom'] }) {
  const entries = custom ? Object.keys(custom).length : 0
  return (
    <Section title="Custom data">
      {custom && entries > 0 ? <pre className="code-block">{JSON.stringify(custom, null, 2)}</pre> : <p className="subtle">None.</p>}
    </Section>
  )
}
