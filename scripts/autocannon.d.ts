// autocannon ships no types; this declares only the parts scripts/load-test.ts uses.
declare module 'autocannon' {
  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }
  export interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec
  }
  export interface Options {
    url: string
    connections?: number
    duration?: number
    pipelining?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: RequestSpec[]
  }
  export interface Result {
    requests: Histogram & { total: number; sent: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    duration: number
  }
  /** Emitted by the instance: 'tick' once a second ({ counter }: responses that second), 'reqError' per failed request. */
  export interface Instance {
    on(event: 'tick', listener: (tick: { counter: number; bytes: number }) => void): Instance
    on(event: 'reqError', listener: (error: Error) => void): Instance
  }
  export default function autocannon(options: Options): Promise<Result>
  export default function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance
}
