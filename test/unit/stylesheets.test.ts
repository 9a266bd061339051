/*
 * How the stylesheets are laid out: each sits beside the module that imports it, shared components
 * style only their own markup, and the palette is written once, as light-dark() pairs, in
 * src/app/tokens.css (which half applies is the theme toggle's business: test/e2e/theme-palette).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { expect, test } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const SRC = join(ROOT, 'src')
const TOKENS = 'src/app/tokens.css'

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [relative(ROOT, path)]
  })
}

const files = filesUnder(SRC)
const stylesheets = files.filter((file) => file.endsWith('.css'))
const modules = files.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
/** A stylesheet without its comments, so a selector or colour in a comment never counts. */
const css = (file: string): string => read(file).replace(/\/\*[\s\S]*?\*\//g, '')

/** The class names in a stylesheet's selectors (at-rule preludes and declarations excluded). */
function selectorClasses(file: string): Set<string> {
  const classes = new Set<string>()
  for (const [, prelude = ''] of css(file).matchAll(/([^{};]+)\{/g)) {
    if (prelude.trim().startsWith('@')) continue
    for (const [, name = ''] of prelude.matchAll(/\.([A-Za-z_][\w-]*)/g)) classes.add(name)
  }
  return classes
}

test('there are stylesheets to check (the globs below would pass vacuously otherwise)', () => {
  expect(stylesheets).toContain(TOKENS)
  expect(stylesheets).toContain('src/components/data-table.css')
  expect(stylesheets.length).toBeGreaterThan(10)
})

test('every stylesheet is imported by a module beside it (the global ones by src/main.tsx)', () => {
  const importers = (sheet: string) =>
    modules.filter((module) => {
      const specifier = relative(dirname(module), sheet).replace(/^(?!\.)/, './')
      return read(module).includes(`import '${specifier}'`)
    })
  const misplaced = stylesheets.flatMap((sheet) => {
    const found = importers(sheet)
    const global = dirname(sheet) === 'src/app' && found.includes('src/main.tsx')
    const beside = found.some((module) => dirname(module) === dirname(sheet))
    return global || beside ? [] : [`${sheet} (imported by ${found.join(', ') || 'nothing'})`]
  })
  expect(misplaced).toEqual([])
})

test('a shared component styles only its own markup and the global classes: no class of a feature in src/components/*.css', () => {
  const componentCode = modules
    .filter((module) => module.startsWith('src/components/'))
    .map(read)
    .join('\n')
  const global = new Set(stylesheets.filter((sheet) => dirname(sheet) === 'src/app').flatMap((sheet) => [...selectorClasses(sheet)]))
  // `badge-${tone}` in the code writes .badge-positive, .badge-warning, …
  const written = (name: string) =>
    componentCode.includes(name) || [...name.matchAll(/-/g)].some(({ index }) => componentCode.includes(`${name.slice(0, index + 1)}\${`))
  const foreign = stylesheets
    .filter((sheet) => sheet.startsWith('src/components/'))
    .flatMap((sheet) =>
      [...selectorClasses(sheet)].filter((name) => !global.has(name) && !written(name)).map((name) => `${sheet}: .${name}`),
    )
  expect(foreign).toEqual([])
})

test('one palette: colours are written only in tokens.css, each custom property once, no dark copy', () => {
  const colourLiteral = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi
  const strayColours = stylesheets
    .filter((sheet) => sheet !== TOKENS)
    .flatMap((sheet) => (css(sheet).match(colourLiteral) ?? []).map((found) => `${sheet}: ${found}`))
  expect(strayColours).toEqual([])

  const schemeQueries = stylesheets.filter((sheet) => /prefers-color-scheme/.test(css(sheet)))
  expect(schemeQueries).toEqual([])

  const declared = stylesheets.flatMap((sheet) => [...css(sheet).matchAll(/(--[\w-]+)\s*:/g)].map(([, name = '']) => name))
  expect(declared.filter((name, index) => declared.indexOf(name) !== index)).toEqual([])

  // A colour token that differs between the themes is one light-dark() pair.
  const tokens = css(TOKENS)
  for (const name of ['--bg', '--surface', '--text', '--text-muted', '--accent', '--border', '--focus', '--negative', '--warning-bg']) {
    expect(tokens).toMatch(new RegExp(`${name}: light-dark\\(#[0-9a-f]{6}, #[0-9a-f]{6}\\);`))
  }
})
