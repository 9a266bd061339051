import { expect, test } from 'vitest'
import { splitMatches } from './highlight.ts'

test('marks every case-insensitive occurrence', () => {
  expect(splitMatches('Kontor København kontor', 'KONTOR')).toEqual([
    { text: 'Kontor', match: true },
    { text: ' København ', match: false },
    { text: 'kontor', match: true },
  ])
})

test('a number fragment matches inside an E.164 number', () => {
  expect(splitMatches('+4580808080', '80808080')).toEqual([
    { text: '+45', match: false },
    { text: '80808080', match: true },
  ])
})

test('no term, no marks; markup stays plain text', () => {
  expect(splitMatches('<b>x</b>', '')).toEqual([{ text: '<b>x</b>', match: false }])
  expect(splitMatches('<b>x</b>', 'b>')).toEqual([
    { text: '<', match: false },
    { text: 'b>', match: true },
    { text: 'x</', match: false },
    { text: 'b>', match: true },
  ])
})
