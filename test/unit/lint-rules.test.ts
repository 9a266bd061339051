/*
 * The codebase's rules hold because lint fails when they break: each case lints a deliberately
 * bad snippet (as if it stood at a real path in the tree) and expects the named rule to fire, and
 * a good snippet next to it to pass, so a rule that is switched off or mis-scoped fails here.
 */
import { readFileSync } from 'node:fs'
import { ESLint } from 'eslint'
import * as prettier from 'prettier'
import { beforeAll, describe, expect, test, vi } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd(), ignore: false })

// no-cycle walks the import graph of each new file it meets: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 })

// The first lint loads the plugins and walks the import graph for no-cycle (seconds on a busy
// 2-core machine); after that each case takes milliseconds.
beforeAll(() => rulesFired("import { App } from './app.tsx'\nexport const warm = [App]\n", 'src/app/fixture.tsx'), 120_000)

async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

describe('import boundaries', () => {
  const cases = [
    [
      'a generic component importing a feature',
      'src/components/fixture.tsx',
      "import { SipAccountsPage } from '../features/sip-accounts/sip-accounts-page.tsx'",
    ],
    ['src/lib importing the app shell', 'src/lib/fixture.ts', "import { App } from '../app/app.tsx'"],
    ['the contract importing a component', 'src/api/fixture.ts', "import { Badge } from '../components/badge.tsx'"],
    ['src importing the reference server', 'src/lib/fixture.ts', "import { createApp } from '../../server/app.ts'"],
    ['one feature importing another', 'src/features/sip-accounts/fixture.ts', "import { SignInPage } from '../auth/sign-in-page.tsx'"],
    ['a feature importing the shell past its context', 'src/features/sip-accounts/fixture.ts', "import { App } from '../../app/app.tsx'"],
    ['the server importing UI code', 'server/fixture.ts', "import { formatCount } from '../src/lib/format.ts'"],
  ] as const
  test.each(cases)('lint fails on %s', async (_name, filePath, code) => {
    expect(await rulesFired(`${code}\nexport const used = [${code.split(' ')[2]}]\n`, filePath)).toContain('import-x/no-restricted-paths')
  })

  test('allowed directions pass', async () => {
    const allowed = [
      ['src/features/sip-accounts/fixture.ts', "import { formatCount } from '../../lib/format.ts'\nexport const used = [formatCount]\n"],
      ['server/fixture.ts', "import { errorBody } from '../src/api/api-error.ts'\nexport const used = [errorBody]\n"],
      [
        'src/app/fixture.ts',
        "import { SipAccountsPage } from '../features/sip-accounts/sip-accounts-page.tsx'\nexport const used = [SipAccountsPage]\n",
      ],
    ] as const
    for (const [filePath, code] of allowed) expect(await rulesFired(code, filePath), filePath).toEqual([])
  })
})

test('lint fails on an import cycle', async () => {
  const path = 'test/lint-fixtures/cycle/cycle-a.ts'
  expect(await rulesFired(readFileSync(path, 'utf8'), path)).toContain('import-x/no-cycle')
})

test('lint fails on a file name that is not kebab-case', async () => {
  expect(await rulesFired('export const x = 1\n', 'src/lib/BadName.ts')).toContain('check-file/filename-naming-convention')
  expect(await rulesFired('export const x = 1\n', 'src/lib/good-name.test.ts')).toEqual([])
})

test('the formatter rejects unformatted code and accepts formatted code', async () => {
  const options = { ...(await prettier.resolveConfig('src/lib/fixture.ts')), filepath: 'src/lib/fixture.ts' }
  expect(await prettier.check('export const x = {a:1,\n  b : "two"};\n', options)).toBe(false)
  expect(await prettier.check("export const x = { a: 1, b: 'two' }\n", options)).toBe(true)
})
