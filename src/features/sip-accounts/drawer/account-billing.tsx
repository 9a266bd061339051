import type { SipAccountFull } from '../../../api/sip-account.ts'
import { Field, FieldList, Section } from '../../../components/field-list.tsx'
import { formatDay } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { useCustomerName } from '../scope/use-customer-name.ts'
import { IdLabel, useListedNames } from './id-label.tsx'
import './account-billing.css'

export function BillingSection({ account, ratePlanName }: { account: SipAccountFull; ratePlanName: string | null | undefined }) {
  const { t } = useI18n()
  const listed = useListedNames()
  const billingCustomerName = useCustomerName(account.billingCustomer)
  return (
    <Section title={t('Billing')}>
      <FieldList>
        <Field label={t('Rate plan')}>
          <IdLabel id={account.ratePlan} name={ratePlanName ?? listed.ratePlan(account.ratePlan)} />
        </Field>
        <Field label={t('New rate plan from next month')}>
          <IdLabel id={account.newRatePlan} name={listed.ratePlan(account.newRatePlan)} />
        </Field>
        <Field label={t('Parent SIP account')}>
          <IdLabel id={account.parentSipAccount} name={listed.account(account.parentSipAccount)} />
        </Field>
        <Field label={t('Invoiced until')}>{formatDay(account.invoicedUntil)}</Field>
        <Field label={t('Billing customer')}>
          <IdLabel id={account.billingCustomer} name={billingCustomerName} />
        </Field>
      </FieldList>
    </Section>
  )
}

export function NotesSection({ notes }: { notes: string | null | undefined }) {
  const { t } = useI18n()
  return (
    <Section title={t('Notes')}>
      {/* Text only: notes may hold markup, which must show as written. */}
      {notes ? <p className="pre-wrap">{notes}</p> : <p className="subtle">{t('No notes.')}</p>}
    </Section>
  )
}

export function CustomDataSection({ custom }: { custom: SipAccountFull['custom'] }) {
  const { t } = useI18n()
  const entries = custom ? Object.keys(custom).length : 0
  return (
    <Section title={t('Custom data')}>
      {custom && entries > 0 ? <pre className="code-block">{JSON.stringify(custom, null, 2)}</pre> : <p className="subtle">{t('None.')}</p>}
    </Section>
  )
}
