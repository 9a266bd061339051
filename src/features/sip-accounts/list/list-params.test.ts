import { expect, test } from 'vitest'
import { t } from '../../../lib/i18n.ts'
import { parseListSearch, patchListSearch, type ListNotice } from './list-params.ts'

/** Notices as the page shows them in English (use-list-location.ts translates them). */
const english = (notices: readonly ListNotice[]) => notices.map((notice) => t(notice.key, notice.values))

test('an empty query string is the first page of 100 of everything', () => {
  expect(parseListSearch('')).toEqual({ params: { offset: 0, limit: 100 }, account: undefined, notices: [] })
})

test('every list parameter is read with the API’s names', () => {
  const id = '64a1f0c0000000000000c100'
  const { params, account, notices } = parseListSearch(`?filter=%2B45&up=false&offset=200&limit=50&customer=${id}&account=${id}`)
  expect(params).toEqual({ filter: '+45', up: false, offset: 200, limit: 50, customer: id })
  expect(account).toBe(id)
  expect(notices).toEqual([])
})

test('invalid values are normalised and explained, never thrown', () => {
  const { params, account, notices } = parseListSearch('?limit=9999&offset=-5&up=maybe&customer=nope&reseller=123&account=<script>')
  expect(params).toEqual({ offset: 0, limit: 500 })
  expect(account).toBeUndefined()
  expect(english(notices)).toEqual([
    'Status “maybe” is not Up or Down, so all accounts are shown.',
    'Rows per page “9999” is not offered; showing 500.',
    'Position “-5” is not valid; showing from the first account.',
    'The customer id “nope” is not a valid id (24 hexadecimal characters) and was ignored.',
    'The reseller id “123” is not a valid id (24 hexadecimal characters) and was ignored.',
    'The account id “<script>” is not a valid id and was ignored.',
  ])
})

test('a rows-per-page value that is not offered snaps to the nearest option', () => {
  expect(parseListSearch('?limit=30').params.limit).toBe(25)
  expect(parseListSearch('?limit=abc').params.limit).toBe(100)
  expect(parseListSearch('?limit=0').params.limit).toBe(100)
})

test('an overlong filter is cut and a blank one is absent', () => {
  expect(parseListSearch(`?filter=${'x'.repeat(300)}`).params.filter).toHaveLength(200)
  expect(parseListSearch('?filter=%20%20').params.filter).toBeUndefined()
})

test('patching leaves defaults out and keeps parameters owned by others', () => {
  const next = patchListSearch('?filter=a&offset=100&theme=dark', { filter: 'b', offset: 0, limit: 100, up: true })
  expect(next.toString()).toBe('filter=b&theme=dark&up=true')
})

test('a number typed in pairs is sent normalized; the search box keeps it as typed (decision 032)', () => {
  const typed = parseListSearch(`?filter=${encodeURIComponent(' 0045 33 07 96 95 ')}`)
  expect(typed.params.filter).toBe('+4533079695')
  expect(typed.searchText).toBe('0045 33 07 96 95')
  const ip = parseListSearch('?filter=77.66.100')
  expect(ip.params.filter).toBe('77.66.100')
  expect(ip.searchText).toBe('77.66.100')
})

test('view=down is Down by customer (decision 044); another view is explained and the list is shown', () => {
  expect(parseListSearch('?view=down&reseller=64a1f0c0000000000000c010').view).toBe('down')
  const unknown = parseListSearch('?view=pie')
  expect(unknown.view).toBeUndefined()
  expect(english(unknown.notices)).toEqual(['The view “pie” is not known, so the list is shown.'])
  expect(patchListSearch('?view=down&limit=50', { view: undefined }).toString()).toBe('limit=50')
})
