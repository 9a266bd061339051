import { describe, expect, it } from 'vitest'
import { formatMessage, toLocale } from './i18n.ts'

describe('formatMessage (the ICU subset the catalogues use)', () => {
  it('fills arguments and groups numbers by language', () => {
    expect(formatMessage('{from}–{to} of {total}', { from: 1, to: 100, total: 1304 }, 'en')).toBe('1–100 of 1,304')
    expect(formatMessage('{from}–{to} af {total}', { from: 1, to: 100, total: 1304 }, 'da')).toBe('1–100 af 1.304')
    expect(formatMessage('Hello {name}', { name: '{not a placeholder}' }, 'en')).toBe('Hello {not a placeholder}')
  })

  it('picks plural branches by the language’s rules, exact matches first', () => {
    const rows = '{count, plural, =0 {no rows} one {# row} other {# rows}}'
    expect(formatMessage(rows, { count: 0 }, 'en')).toBe('no rows')
    expect(formatMessage(rows, { count: 1 }, 'en')).toBe('1 row')
    expect(formatMessage(rows, { count: 2500 }, 'en')).toBe('2,500 rows')
    const raekker = '{count, plural, one {# række} other {# rækker}}'
    expect(formatMessage(raekker, { count: 1 }, 'da')).toBe('1 række')
    expect(formatMessage(raekker, { count: 2500 }, 'da')).toBe('2.500 rækker')
  })

  it('selects by value, nests arguments inside branches, and falls back to other', () => {
    const status = '{state, select, up {Up since {time}} other {Down}}'
    expect(formatMessage(status, { state: 'up', time: '14:02' }, 'en')).toBe('Up since 14:02')
    expect(formatMessage(status, { state: 'weird' }, 'en')).toBe('Down')
  })

  it('leaves text without arguments alone and shows a missing value as nothing', () => {
    expect(formatMessage('Sign in', undefined, 'en')).toBe('Sign in')
    expect(formatMessage('Hi {name}!', {}, 'en')).toBe('Hi !')
  })
})

describe('toLocale', () => {
  it('takes any Danish tag as Danish and everything else as English', () => {
    expect(['da', 'da-DK', 'DA', 'en', 'en-US', 'de', '', null, undefined].map(toLocale)).toEqual([
      'da',
      'da',
      'da',
      'en',
      'en',
      'en',
      'en',
      'en',
      'en',
    ])
  })
})
