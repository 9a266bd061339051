/*
 * `npm run checks`: the static checks of `npm test` — the TypeScript build, ESLint, Prettier and
 * knip — two at a time. Each is single-threaded, and on a 2-core machine running them one after
 * the other left a core idle for about a minute and a half. Each check's output is printed whole
 * when it ends (never interleaved); the exit code is non-zero if any check failed.
 */
import { spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..')
const bin = (name: string): string => join(ROOT, 'node_modules/.bin', name)

interface Check {
  name: string
  command: string
  args: string[]
}

// Longest first, so the short ones fill the other core.
const CHECKS: Check[] = [
  { name: 'typecheck (tsc -b)', command: bin('tsc'), args: ['-b'] },
  { name: 'eslint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'prettier', command: bin('prettier'), args: ['--check', '.'] },
  { name: 'knip', command: bin('knip'), args: [] },
]

interface Result {
  check: Check
  code: number
  output: string
  ms: number
}

function run(check: Check): Promise<Result> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', (error) => resolve({ check, code: 1, output: String(error), ms: Date.now() - started }))
    child.on('close', (code) => resolve({ check, code: code ?? 1, output: Buffer.concat(chunks).toString(), ms: Date.now() - started }))
  })
}

async function main(): Promise<void> {
  const queue = [...CHECKS]
  const results: Result[] = []
  const worker = async (): Promise<void> => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const result = await run(check)
      results.push(result)
      const verdict = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`
      console.log(`── ${check.name}: ${verdict} in ${(result.ms / 1000).toFixed(1)} s`)
      if (result.output.trim()) console.log(result.output.trimEnd())
    }
  }
  const parallel = Math.max(1, Math.min(2, cpus().length))
  await Promise.all(Array.from({ length: parallel }, worker))
  const failed = results.filter((result) => result.code !== 0)
  if (failed.length > 0) {
    console.error(`checks: ${failed.map((result) => result.check.name).join(', ')} failed`)
    process.exit(1)
  }
}

await main()
