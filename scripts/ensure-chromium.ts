/*
 * Finds the Chromium the browser tests, the bundle budget and the benchmark drive, and gets one
 * the way `playwright install --with-deps` would when there is none: `npx playwright install`
 * cannot download on this network, so we use Debian's chromium package instead.
 *
 *   - CHROMIUM_PATH, if set, must point to an executable; nothing is installed then.
 *   - Otherwise /usr/bin/chromium. If it is missing and we run as root with apt-get available,
 *     `apt-get update && apt-get install -y chromium` runs, and says so.
 *   - Otherwise it fails with one line saying how to install. Never a silent skip.
 *
 * Usage: `tsx scripts/ensure-chromium.ts` (prints the path), or import ensureChromium().
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { pathToFileURL } from 'node:url'

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Flags for Debian's chromium in a sandboxed container on a closed network. Without the
 * background-networking / component-update / sync flags Chromium keeps dialing out, and on this
 * network those connections are refused and slow everything down.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError'
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function chromiumVersion(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  return (result.stdout || result.stderr || '').trim()
}

export interface EnsureOptions {
  /** Where messages go; stderr by default so stdout can carry just the path. */
  log?: (line: string) => void
}

/** Returns the path of a runnable Chromium, installing Debian's package if allowed. */
export function ensureChromium({ log = (line) => process.stderr.write(`${line}\n`) }: EnsureOptions = {}): string {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    if (isExecutable(configured)) return configured
    throw new ChromiumMissingError(
      `CHROMIUM_PATH=${configured} is not an executable file; point it at a Chromium/Chrome binary or unset it to use ${DEFAULT_CHROMIUM_PATH}.`,
    )
  }
  if (isExecutable(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH

  const isRoot = process.getuid?.() === 0
  if (!isRoot || !onPath('apt-get')) {
    throw new ChromiumMissingError(
      `No Chromium at ${DEFAULT_CHROMIUM_PATH}: install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    )
  }

  log(
    `ensure-chromium: no Chromium at ${DEFAULT_CHROMIUM_PATH}; installing Debian's chromium package (running as root): apt-get update && apt-get install -y chromium`,
  )
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env })
    if (result.status !== 0) {
      throw new ChromiumMissingError(
        `ensure-chromium: \`apt-get ${args.join(' ')}\` failed (exit ${String(result.status)}); install Chromium by hand or set CHROMIUM_PATH.`,
      )
    }
  }
  if (!isExecutable(DEFAULT_CHROMIUM_PATH)) {
    throw new ChromiumMissingError(
      `ensure-chromium: apt-get installed chromium but ${DEFAULT_CHROMIUM_PATH} is still missing; set CHROMIUM_PATH.`,
    )
  }
  log(`ensure-chromium: installed ${chromiumVersion(DEFAULT_CHROMIUM_PATH)} at ${DEFAULT_CHROMIUM_PATH}`)
  return DEFAULT_CHROMIUM_PATH
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const path = ensureChromium()
    process.stdout.write(`ensure-chromium: using ${chromiumVersion(path)} (${path})\n`)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
}
