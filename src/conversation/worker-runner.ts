/**
 * Runs turns in a worker thread (dialog-worker.ts), so that the engine's CPU work does not hold up the thread that
 * serves HTTP, WeChat and Redis: on a machine with two cores or more, both run at once. The session store holds
 * sessions as encoded text, which crosses to the worker and back.
 *
 * The worker works out the interceptors' facts and the step together, in one round trip (the step is pure: when an
 * interceptor answers instead, its result is dropped). Jobs posted in one event-loop turn go as one message.
 * Until the worker is ready, after it died and while it restarts, turns run in this thread, the same way: a resident
 * never waits for the worker nor loses a turn to it.
 */
import { Worker } from 'node:worker_threads'
import type { Catalog } from '../catalog/types.js'
import type { MatchOutcome } from '../server/metrics.js'
import type { Logger } from './default-effects.js'
import type { DialogJob, FromWorker, JobResult, ToWorker, WorkerSetup } from './dialog-jobs.js'
import type { DialogRunner, PreparedTurn, RunnerOptions } from './dialog-runner.js'
import { encodedTurns, type EncodedTurns } from './encoded-turns.js'
import type { IncomingMessage } from './types.js'

export interface WorkerRunnerOptions extends RunnerOptions {
  logger: Logger
  /** Told what the matcher decided for each lookup a turn made, wherever it ran. */
  onMatch?: (outcome: MatchOutcome) => void
  /** Restarts allowed within a minute before turns stay in this thread for good (default 5). */
  maxRestartsPerMinute?: number
  /** The worker's module (tests give one that fails); default dialog-worker. */
  entry?: string
}

export interface WorkerRunner extends DialogRunner {
  /** Resolves true once the worker has loaded and takes turns, false if it died first. */
  whenReady(): Promise<boolean>
  /** Turns worked out in the worker and in this thread (while it was starting, restarting or gone). */
  readonly counts: { worker: number; here: number }
}

interface Pending {
  job: DialogJob
  resolve(result: JobResult): void
  reject(err: unknown): void
}

const WORKER_ENTRY = new URL(`./dialog-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href
const WORKER_BOOT = new URL('./dialog-worker-boot.mjs', import.meta.url)
const RESTART_DELAY_MS = 1_000

export function workerRunner(opts: WorkerRunnerOptions): WorkerRunner {
  const maxRestarts = opts.maxRestartsPerMinute ?? 5
  const pending = new Map<number, Pending>()
  let batch: DialogJob[] = []
  let nextId = 1
  let worker: Worker | undefined
  let ready = false
  let closed = false
  let postedCatalog: Catalog | undefined
  const restarts: number[] = []
  let restartTimer: NodeJS.Timeout | undefined
  const counts = { worker: 0, here: 0 }
  const readyWaiters: ((ready: boolean) => void)[] = []
  const tellReady = (value: boolean): void => {
    for (const resolve of readyWaiters.splice(0)) resolve(value)
  }

  // Turns in this thread, for when the worker cannot take them; built on first use.
  let local: { turns: EncodedTurns; catalog: Catalog } | undefined
  const runHere = (job: DialogJob): JobResult => {
    const { catalog, matcher } = opts.catalog()
    counts.here++
    if (!local) local = { turns: encodedTurns(opts.definitions, catalog, matcher, opts.idleSeconds), catalog }
    else if (local.catalog !== catalog) {
      local.turns.setCatalog(catalog, matcher)
      local.catalog = catalog
    }
    return local.turns.run(job)
  }

  const start = (): void => {
    const { catalog } = opts.catalog()
    const setup: WorkerSetup = { entry: opts.entry ?? WORKER_ENTRY, definitions: opts.definitions, catalog, idleSeconds: opts.idleSeconds }
    const w = new Worker(WORKER_BOOT, { workerData: setup, name: 'daiban-dialog' })
    worker = w
    postedCatalog = catalog
    w.on('message', (m: FromWorker) => {
      if (m.kind === 'ready') {
        ready = true
        tellReady(true)
        return
      }
      if (m.kind === 'failed') {
        const p = pending.get(m.id)
        pending.delete(m.id)
        p?.reject(new Error(m.error))
        return
      }
      counts.worker += m.results.length
      for (const result of m.results) {
        const p = pending.get(result.id)
        pending.delete(result.id)
        p?.resolve(result)
      }
    })
    w.on('error', (err) => opts.logger.error({ err }, '对话工作线程出错'))
    w.on('exit', (code) => {
      if (worker !== w) return
      worker = undefined
      ready = false
      tellReady(false)
      // Turns it held had not been written: they are worked out here instead, none is lost.
      for (const [id, p] of [...pending]) {
        pending.delete(id)
        settleHere(p)
      }
      if (closed) return
      const now = Date.now()
      while (restarts.length > 0 && now - restarts[0]! > 60_000) restarts.shift()
      if (restarts.length >= maxRestarts) {
        opts.logger.error({ code }, '对话工作线程一分钟内多次退出，改为在主线程处理对话')
        return
      }
      restarts.push(now)
      opts.logger.warn({ code }, '对话工作线程退出，稍后重启；其间在主线程处理对话')
      restartTimer = setTimeout(() => {
        restartTimer = undefined
        if (!closed) start()
      }, RESTART_DELAY_MS)
      restartTimer.unref()
    })
  }

  const settleHere = (p: Pending): void => {
    try {
      p.resolve(runHere(p.job))
    } catch (err) {
      p.reject(err)
    }
  }

  const flush = (): void => {
    const jobs = batch
    batch = []
    if (jobs.length === 0) return
    if (!worker || !ready) {
      for (const job of jobs) {
        const p = pending.get(job.id)
        pending.delete(job.id)
        if (p) settleHere(p)
      }
      return
    }
    const { catalog } = opts.catalog()
    if (catalog !== postedCatalog) {
      postedCatalog = catalog
      post({ kind: 'catalog', catalog })
    }
    post({ kind: 'jobs', jobs })
  }

  const post = (m: ToWorker): void => worker!.postMessage(m)

  const submit = (job: DialogJob): Promise<JobResult> =>
    new Promise((resolve, reject) => {
      const p = { job, resolve, reject }
      if (!worker || !ready) return settleHere(p)
      pending.set(job.id, p)
      // Jobs of one event-loop turn (the requests read together) go as one message, after that turn's I/O.
      if (batch.push(job) === 1) setImmediate(flush)
    })

  start()

  return {
    counts,
    whenReady() {
      if (ready) return Promise.resolve(true)
      if (!worker) return Promise.resolve(false)
      return new Promise((resolve) => readyWaiters.push(resolve))
    },
    async prepare(stored, message) {
      const job: DialogJob = { id: nextId++, key: keyOf(message), stored: typeof stored === 'string' ? stored : undefined, message }
      const result = await submit(job)
      for (const outcome of result.matches) opts.onMatch?.(outcome)
      if (result.warning) opts.logger.warn({ key: job.key }, result.warning)
      return prepared(result)
    },
    async close() {
      closed = true
      if (restartTimer) clearTimeout(restartTimer)
      tellReady(false)
      const w = worker
      if (!w) return
      // In-flight turns finish first (a graceful stop), then the thread ends.
      const deadline = Date.now() + 2_000
      while (pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      worker = undefined
      ready = false
      for (const [id, p] of [...pending]) {
        pending.delete(id)
        settleHere(p)
      }
      await w.terminate()
    },
  }
}

function keyOf(message: IncomingMessage): string {
  return `${message.resident.channel}:${message.resident.userId}`
}

function prepared(result: JobResult): PreparedTurn {
  return {
    facts: result.facts,
    ...(result.state !== undefined && { state: result.state }),
    step() {
      if (result.outcome === undefined) throw new Error(result.stepError ?? 'dialog step failed')
      const { write, ...rest } = result.outcome
      return { ...rest, write }
    },
  }
}
