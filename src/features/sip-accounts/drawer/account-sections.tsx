import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import type { SipAccess } from '../../../api/access-level.ts'
import { CopyButton } from '../../../components/copy-button.tsx'
import { Field, FieldList, Section } from '../../../components/field-list.tsx'
import { formatYesNo } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { formatPhoneNumber } from '../../../lib/phone-number.ts'
import { CONNECTION_LABELS } from '../columns/connection-types.ts'
import { CONNECTION_EXPLANATIONS } from './connection-explanations.ts'
import { IdLabel } from './id-label.tsx'
import { PasswordField } from './password-field.tsx'
import { StatusBadge, UsageBlockCell } from '../columns/sip-account-cells.tsx'
import './account-sections.css'

/**
 * A value with a Copy button, or null when there is none (so the field shows its dash). Only
 * values a section already shows get one: whatever the role may not see is never rendered, so it
 * can never be copied either. `display` may reformat what is read (a grouped number); the Copy
 * button always copies the value itself (E.164, what other systems accept).
 */
function copyable(value: string | null | undefined, label: string, display: (value: string) => string = String) {
  if (!value) return null
  return (
    <span className="value-with-actions">
      <span className="mono">{display(value)}</span>
      <CopyButton value={value} label={label} />
    </span>
  )
}

export function OverviewSection({ account, customerLabel }: { account: SipAccountFull; customerLabel: string | undefined }) {
  const { t } = useI18n()
  const numbers = account.numbers ?? []
  return (
    <Section title={t('Overview')}>
      <FieldList>
        <Field label={t('Name')}>{account.name}</Field>
        <Field label={t('Active')}>{formatYesNo(account.active)}</Field>
        <Field label={t('Status')}>
          <StatusBadge account={account} />
        </Field>
        <Field label={t('Type')}>{account.type}</Field>
        <Field label={t('Numbers')}>
          {numbers.length > 0 ? (
            <ul className="plain-list">
              {numbers.map((number) => (
                <li key={number}>{copyable(number, t('Copy number {number}', { number }), formatPhoneNumber)}</li>
              ))}
            </ul>
          ) : null}
        </Field>
        <Field label={t('Customer')}>
          <IdLabel id={account.customer} name={customerLabel} />
        </Field>
        <Field label={t('PBX')}>
          {isPbxTrunk(account) ? t('Hosted PBX trunk, cluster {cluster}', { cluster: String(account.pbx) }) : t('No')}
        </Field>
      </FieldList>
    </Section>
  )
}

interface ConnectionSectionProps {
  account: SipAccountFull
  access: SipAccess
  /** The password is revealed on screen (or not any more). */
  onPasswordRevealed?: (revealed: boolean) => void
}

export function ConnectionSection({ account, access, onPasswordRevealed }: ConnectionSectionProps) {
  const { t } = useI18n()
  if (isPbxTrunk(account)) {
    return (
      <Section title={t('Connection')}>
        <p className="hint">
          {t(
            'This is a hosted PBX trunk (cluster {cluster}). The PBX handles the connection, so connection type, IP address, port, credentials, registration and failover do not apply to it.',
            { cluster: String(account.pbx) },
          )}
        </p>
      </Section>
    )
  }
  return (
    <Section title={t('Connection')}>
      <FieldList>
        <Field label={t('Connection type')}>
          {account.connection ? (
            <>
              {/* The API's code only on hover: operators read the words, support may ask for the code. */}
              <strong title={t('API code {code}', { code: account.connection })}>{t(CONNECTION_LABELS[account.connection])}</strong>
              <p className="hint">{t(CONNECTION_EXPLANATIONS[account.connection])}</p>
            </>
          ) : null}
        </Field>
        <Field label={t('IP address')}>{copyable(account.ipAddress, t('Copy IP address'))}</Field>
        <Field label={t('Port')}>{account.port}</Field>
        <Field label={t('Countries')}>{account.countries}</Field>
        <Field label={t('Username')}>{copyable(account.username, t('Copy username'))}</Field>
        <Field label={t('Password')}>
          {account.password ? <PasswordField password={account.password} onRevealedChange={onPasswordRevealed} /> : null}
        </Field>
        <Field label={t('Contact')}>{copyable(account.contact, t('Copy SIP contact'))}</Field>
        <Field label={t('User agent')}>{account.userAgent}</Field>
        {/* ADMIN only (sipAccessFor): for everyone else neither the field nor its Copy button exists. */}
        {access.sipServer ? <Field label={t('SIP server')}>{copyable(account.sipServer, t('Copy SIP server'))}</Field> : null}
      </FieldList>
    </Section>
  )
}

export function CallingSection({ account }: { account: SipAccountFull }) {
  const { t } = useI18n()
  // PBX trunks carry none of the number-presentation fields: the PBX decides them.
  const pbx = isPbxTrunk(account)
  return (
    <Section title={t('Calling')}>
      <FieldList>
        <Field label={t('High-rate numbers')}>{formatYesNo(account.highRate)}</Field>
        <Field label={t('International calls')}>{formatYesNo(account.international)}</Field>
        {pbx ? null : (
          <>
            <Field label={t('May present any number (CLIP)')}>{formatYesNo(account.clipSA)}</Field>
            <Field label={t('Strip +45 on incoming calls')}>{formatYesNo(account.stripDkCountryCode)}</Field>
            <Field label={t('Prefix calls from mobiles with 03')}>{formatYesNo(account.prefixMobileOriginated)}</Field>
            <Field label={t('Default number')}>{account.defaultNumber ? formatPhoneNumber(account.defaultNumber) : null}</Field>
          </>
        )}
        <Field label={t('Always present default number')}>{formatYesNo(account.alwaysDefaultNumber)}</Field>
        <Field label={t('Always secret number')}>{formatYesNo(account.alwaysSecretNumber)}</Field>
      </FieldList>
    </Section>
  )
}

export function FailoverSection({ account }: { account: SipAccountFull }) {
  const { t } = useI18n()
  const pbx = isPbxTrunk(account)
  return (
    <Section title={t('Failover')}>
      <FieldList>
        {pbx ? null : (
          <>
            <Field label={t('Failover')}>{account.failover}</Field>
            <Field label={t('Always use failover')}>{formatYesNo(account.alwaysFailover)}</Field>
          </>
        )}
        <Field label={t('Usage block')}>
          <UsageBlockCell blocked={account.usageBlock} />
        </Field>
      </FieldList>
      {pbx ? <p className="hint">{t('Failover is handled by the hosted PBX for this trunk.')}</p> : null}
    </Section>
  )
}
