import type { VoiceUsage } from '../../../api/sip-account.ts'
import { BarChart } from '../../../components/bar-chart.tsx'
import { Section } from '../../../components/field-list.tsx'
import { formatCount } from '../../../lib/format.ts'
import { useI18n } from '../../../lib/use-i18n.tsx'
import { monthlyUsage } from './voice-usage.ts'
import './voice-usage-section.css'

export type VoiceUsageState =
  | { status: 'loading' }
  | { status: 'ready'; usage: readonly VoiceUsage[] | null | undefined }
  /** The condensed row could not be fetched. */
  | { status: 'error'; retry: () => void; retrying: boolean }
  /** There is no way to find the condensed row (or the API did not return it). */
  | { status: 'unavailable' }

/**
 * Outgoing minutes to Danish numbers over the last 12 months. The data comes from the condensed
 * row only (full objects do not carry voiceUsage). The chart lives in the drawer's lazy chunk, so
 * the list page never downloads it.
 */
export function VoiceUsageSection({ state }: { state: VoiceUsageState }) {
  const { t } = useI18n()
  return (
    <Section title={t('Voice usage')}>
      <VoiceUsageBody state={state} />
    </Section>
  )
}

function VoiceUsageBody({ state }: { state: VoiceUsageState }) {
  const { locale, t } = useI18n()
  switch (state.status) {
    case 'loading':
      return (
        <p className="subtle" role="status">
          {t('Loading voice usage…')}
        </p>
      )
    case 'error':
      return (
        <div className="inline-error">
          <p>{t('Voice usage could not be loaded.')}</p>
          <button type="button" className="button small" onClick={state.retry} disabled={state.retrying}>
            {state.retrying ? t('Retrying…') : t('Retry')}
          </button>
        </div>
      )
    case 'unavailable':
      return <p className="subtle">{t('Voice usage is not available for this account.')}</p>
    case 'ready': {
      const monthly = monthlyUsage(state.usage ?? [], locale)
      if (!monthly) return <p className="subtle">{t('No voice usage recorded.')}</p>
      return (
        <BarChart
          title={t('Outgoing minutes to Danish numbers, {period}', { period: monthly.period })}
          bars={monthly.bars}
          unit={t('minutes')}
          formatValue={formatCount}
        />
      )
    }
  }
}
