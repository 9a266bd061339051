import { expect, test } from 'vitest'
import { splitMatches, splitSourceMatches } from './highlight.ts'

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

test('a match in the E.164 value marks the grouped characters, spaces inside included', () => {
  expect(splitSourceMatches('+45 33 07 96 95', '+4533079695', '33079695')).toEqual([
    { text: '+45 ', match: false },
    { text: '33 07 96 95', match: true },
  ])
  expect(splitSourceMatches('+45 33 07 96 95', '+4533079695', '+4533079695')).toEqual([{ text: '+45 33 07 96 95', match: true }])
  expect(splitSourceMatches('+45 33 07 96 95', '+4533079695', '4533')).toEqual([
    { text: '+', match: false },
    { text: '45 33', match: true },
    { text: ' 07 96 95', match: false },
  ])
})

test('every occurrence is marked on the display, and a term the value lacks marks nothing', () => {
  expect(splitSourceMatches('+45 80 80 80 80', '+4580808080', '8080')).toEqual([
    { text: '+45 ', match: false },
    { text: '80 80', match: true },
    { text: ' ', match: false },
    { text: '80 80', match: true },
  ])
  // The API matched the E.164 value, which has no spaces: a spaced term finds nothing there.
  expect(splitSourceMatches('+45 33 07 96 95', '+4533079695', '33 07')).toEqual([{ text: '+45 33 07 96 95', match: false }])
  expect(splitSourceMatches('+45 33 07 96 95', '+4533079695', '')).toEqual([{ text: '+45 33 07 96 95', match: false }])
})

test('a display that is not the source spaced out is matched as it stands', () => {
  expect(splitSourceMatches('unknown', '+4533079695', 'kno')).toEqual([
    { text: 'un', match: false },
    { text: 'kno', match: true },
    { text: 'wn', match: false },
  ])
})
