import { isPbxTrunk, type SipAccountFull } from '../../../api/sip-account.ts'
import type { SipAccess } from '../../../api/access-level.ts'
import { CopyButton } from '../../../components/copy-button.tsx'
import { Field, FieldList, Section } from '../../../components/field-list.tsx'
import { formatYesNo } from '../../../lib/format.ts'
import { formatPhoneNumber } from '../../../lib/phone-number.ts'
import { CONNECTION_EXPLANATIONS, CONNECTION_LABELS } from '../columns/connection-types.ts'
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
  const numbers = account.numbers ?? []
  return (
    <Section title="Overview">
      <FieldList>
        <Field label="Name">{account.name}</Field>
        <Field label="Active">{formatYesNo(account.active)}</Field>
        <Field label="Status">
          <StatusBadge account={account} />
        </Field>
        <Field label="Type">{account.type}</Field>
        <Field label="Numbers">
          {numbers.length > 0 ? (
            <ul className="plain-list">
              {numbers.map((number) => (
                <li key={number}>{copyable(number, `Copy number ${number}`, formatPhoneNumber)}</li>
              ))}
            </ul>
          ) : null}
        </Field>
        <Field label="Customer">
          <IdLabel id={account.customer} name={customerLabel} />
        </Field>
        <Field label="PBX">{isPbxTrunk(account) ? `Hosted PBX trunk, cluster ${account.pbx}` : 'No'}</Field>
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
  if (isPbxTrunk(account)) {
    return (
      <Section title="Connection">
        <p className="hint">
          This is a hosted PBX trunk (cluster {account.pbx}). The PBX handles the connection, so connection type, IP address, port,
          credentials, registration and failover do not apply to it.
        </p>
      </Section>
    )
  }
  return (
    <Section title="Connection">
      <FieldList>
        <Field label="Connection type">
          {account.connection ? (
            <>
              {/* The API's code only on hover: operators read the words, support may ask for the code. */}
              <strong title={`API code ${account.connection}`}>{CONNECTION_LABELS[account.connection]}</strong>
              <p className="hint">{CONNECTION_EXPLANATIONS[account.connection]}</p>
            </>
          ) : null}
        </Field>
        <Field label="IP address">{copyable(account.ipAddress, 'Copy IP address')}</Field>
        <Field label="Port">{account.port}</Field>
        <Field label="Countries">{account.countries}</Field>
        <Field label="Username">{copyable(account.username, 'Copy username')}</Field>
        <Field label="Password">
          {account.password ? <PasswordField password={account.password} onRevealedChange={onPasswordRevealed} /> : null}
        </Field>
        <Field label="Contact">{copyable(account.contact, 'Copy SIP contact')}</Field>
        <Field label="User agent">{account.userAgent}</Field>
        {/* ADMIN only (sipAccessFor): for everyone else neither the field nor its Copy button exists. */}
        {access.sipServer ? <Field label="SIP server">{copyable(account.sipServer, 'Copy SIP server')}</Field> : null}
      </FieldList>
    </Section>
  )
}

export function CallingSection({ account }: { account: SipAccountFull }) {
  // PBX trunks carry none of the number-presentation fields: the PBX decides them.
  const pbx = isPbxTrunk(account)
  return (
    <Section title="Calling">
      <FieldList>
        <Field label="High-rate numbers">{formatYesNo(account.highRate)}</Field>
        <Field label="International calls">{formatYesNo(account.international)}</Field>
        {pbx ? null : (
          <>
            <Field label="May present any number (CLIP)">{formatYesNo(account.clipSA)}</Field>
            <Field label="Strip +45 on incoming calls">{formatYesNo(account.stripDkCountryCode)}</Field>
            <Field label="Prefix calls from mobiles with 03">{formatYesNo(account.prefixMobileOriginated)}</Field>
            <Field label="Default number">{account.defaultNumber ? formatPhoneNumber(account.defaultNumber) : null}</Field>
          </>
        )}
        <Field label="Always present default number">{formatYesNo(account.alwaysDefaultNumber)}</Field>
        <Field label="Always secret number">{formatYesNo(account.alwaysSecretNumber)}</Field>
      </FieldList>
    </Section>
  )
}

export function FailoverSection({ account }: { account: SipAccountFull }) {
  const pbx = isPbxTrunk(account)
  return (
    <Section title="Failover">
      <FieldList>
        {pbx ? null : (
          <>
            <Field label="Failover">{account.failover}</Field>
            <Field label="Always use failover">{formatYesNo(account.alwaysFailover)}</Field>
          </>
        )}
        <Field label="Usage block">
          <UsageBlockCell blocked={account.usageBlock} />
        </Field>
      </FieldList>
      {pbx ? <p className="hint">Failover is handled by the hosted PBX for this trunk.</p> : null}
    </Section>
  )
}
