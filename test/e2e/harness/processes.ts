/*
 * Child processes the browser suite, the bundle budget and the benchmark start and stop: each in
 * its own process group (detached), so a stop kills the whole tree (tsx → node, vite → esbuild)
 * and nothing leaks, even when a test fails or the runner is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface ManagedProcess {
  readonly name: string
  readonly child: ChildProcess
  /** The last lines it printed (stdout and stderr), for error messages. */
  output(): string
  /** Resolves with the exit code (or signal name) once it has exited. */
  readonly exited: Promise<string>
  stop(): Promise<void>
}

const running = new Set<ManagedProcess>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

// Last resort: whatever way this process ends, its children go with it.
let exitHookInstalled = false
function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const managed of running) killGroup(managed.child, 'SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const managed of running) killGroup(managed.child, 'SIGKILL')
      process.exit(130)
    })
  }
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Echo the process's output to this process's stderr (for long builds). */
  echo?: boolean
}

export function startProcess(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
  installExitHook()
  const child = spawn(command, args, {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const collect = (chunk: Buffer): void => {
    if (options.echo) process.stderr.write(chunk)
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.length > 0),
    )
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code === null ? String(signal) : String(code)))
    child.once('error', (error) => {
      lines.push(`spawn error: ${error.message}`)
      resolve('spawn-error')
    })
  })
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    output: () => lines.slice(-40).join('\n'),
    async stop() {
      killGroup(child, 'SIGTERM')
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref())
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        killGroup(child, 'SIGKILL')
        await exited
      }
      // Grandchildren that ignored SIGTERM while their parent exited.
      killGroup(child, 'SIGKILL')
      running.delete(managed)
    },
  }
  running.add(managed)
  void exited.then(() => running.delete(managed))
  return managed
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function runToCompletion(name: string, command: string, args: string[], options: StartOptions = {}): Promise<void> {
  const managed = startProcess(name, command, args, options)
  const code = await managed.exited
  if (code !== '0') throw new Error(`${name} failed (exit ${code}):\n${managed.output()}`)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Polls `url` until it answers with any HTTP status (the server is listening). Fails early,
 * with the process's output, when the process exits first.
 */
export async function waitForHttp(url: string, managed: ManagedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: string | undefined
  void managed.exited.then((code) => {
    exitCode = code
  })
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${managed.name} exited (${exitCode}) before answering ${url}:\n${managed.output()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`${managed.name} did not answer ${url} within ${timeoutMs} ms:\n${managed.output()}`)
}
