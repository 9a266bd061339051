/*
 * The Danish catalogue against the English it translates (decision 048). tsc already refuses a
 * t() key that has no Danish; this checks what types cannot: that each translation has the same
 * arguments as its English, that a plural or select keeps its `other` branch, that a key is not
 * translated two ways in two parts, and that no translation is left behind for text the code no
 * longer shows.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { da } from '../../src/locales/da.ts'

const partsDir = join(import.meta.dirname, '../../src/locales/da')

async function parts(): Promise<Array<[string, Record<string, string>]>> {
  const files = readdirSync(partsDir).filter((file) => file.endsWith('.ts'))
  const loaded = await Promise.all(files.map(async (file) => [file, await import(join(partsDir, file))] as const))
  return loaded.flatMap(([file, module]) =>
    Object.values(module as Record<string, unknown>)
      .filter((value): value is Record<string, string> => typeof value === 'object' && value !== null)
      .map((messages) => [file, messages] as [string, Record<string, string>]),
  )
}

/** Each argument as "name", "name:plural[one,other]" …, in order, also those nested in branches. */
function argumentsOf(message: string): string[] {
  const found: string[] = []
  let depth = 0
  let start = -1
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '{') {
      if (depth++ === 0) start = i
    } else if (message[i] === '}' && --depth === 0) {
      const body = message.slice(start + 1, i)
      const [name = '', kind, ...rest] = body.split(',')
      if (kind === undefined) {
        found.push(name.trim())
        continue
      }
      const branches = branchesOf(rest.join(','))
      found.push(`${name.trim()}:${kind.trim()}`)
      for (const branch of branches.values()) found.push(...argumentsOf(branch))
    }
  }
  return found
}

function branchesOf(text: string): Map<string, string> {
  const branches = new Map<string, string>()
  let depth = 0
  let start = -1
  let from = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth++ === 0) start = i
    } else if (text[i] === '}' && --depth === 0) {
      branches.set(text.slice(from, start).trim(), text.slice(start + 1, i))
      from = i + 1
    }
  }
  return branches
}

function otherBranches(message: string): boolean {
  return [...message.matchAll(/\{\s*\w+\s*,\s*(plural|select)\s*,/g)].every((match) => {
    const body = message.slice((match.index ?? 0) + 1)
    return branchesOf(body.slice(body.indexOf(',', body.indexOf(',') + 1) + 1)).has('other')
  })
}

describe('the Danish catalogue', () => {
  const entries = Object.entries(da)

  it('translates every key, with the same arguments as the English', () => {
    const problems = entries.flatMap(([english, danish]) => {
      if (danish.trim() === '') return [`${english}: empty`]
      const want = new Set(argumentsOf(english).map((argument) => argument.split(':')[0]))
      const have = new Set(argumentsOf(danish).map((argument) => argument.split(':')[0]))
      const same = want.size === have.size && [...want].every((name) => have.has(name))
      return same ? [] : [`${english} → ${danish}: arguments ${[...want].join(',')} vs ${[...have].join(',')}`]
    })
    expect(problems).toEqual([])
  })

  it('keeps the `other` branch of every plural and select', () => {
    const problems = entries.flatMap(([english, danish]) => [english, danish].filter((message) => !otherBranches(message)))
    expect(problems).toEqual([])
  })

  it('translates a key the same way in every part that has it', async () => {
    const seen = new Map<string, { file: string; danish: string }>()
    const conflicts: string[] = []
    for (const [file, messages] of await parts()) {
      for (const [english, danish] of Object.entries(messages)) {
        const before = seen.get(english)
        if (before && before.danish !== danish) conflicts.push(`${english}: ${before.file} "${before.danish}" vs ${file} "${danish}"`)
        seen.set(english, { file, danish })
      }
    }
    expect(conflicts).toEqual([])
  })

  it('has no translation for text the code no longer shows', () => {
    const source = sourceFiles(join(import.meta.dirname, '../../src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    const unused = entries.map(([english]) => english).filter((english) => !quoted(source, english))
    expect(unused).toEqual([])
  })
})

function quoted(source: string, text: string): boolean {
  return ["'", '"', '`'].some((quote) => source.includes(`${quote}${quote === "'" ? text.replaceAll("'", "\\'") : text}${quote}`))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}
