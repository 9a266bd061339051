import { formatPhoneNumber } from '../lib/phone-number.ts'
import { Highlight } from './highlight.tsx'

/**
 * A number as people read it ("+45 33 07 96 95"), with the search match marked on the grouped
 * characters. The E.164 value stays the data: copy and CSV use it, not this display.
 */
export function PhoneNumber({ number }: { number: string }) {
  return <Highlight text={formatPhoneNumber(number)} source={number} />
}
