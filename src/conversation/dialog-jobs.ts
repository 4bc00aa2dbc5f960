/**
 * What crosses between the server's thread and the dialog worker (worker-runner.ts, dialog-worker.ts): plain data,
 * copied by postMessage. Sessions cross as the text the session store holds.
 */
import type { Catalog } from '../catalog/types.js'
import type { DialogDefinitions } from '../dialog/schema.js'
import type { MatchOutcome } from '../server/metrics.js'
import type { SessionFacts } from './dialog-runner.js'
import type { Effect, IncomingMessage } from './types.js'

export interface WorkerSetup {
  /** The worker's own module, imported by dialog-worker-boot.mjs. */
  entry: string
  definitions: DialogDefinitions
  catalog: Catalog
  idleSeconds: number
}

export interface DialogJob {
  id: number
  /** The session store's key: the worker keeps the session it last decoded or wrote for it. */
  key: string
  stored: string | undefined
  message: IncomingMessage
}

export type ToWorker = { kind: 'catalog'; catalog: Catalog } | { kind: 'jobs'; jobs: DialogJob[] }

export interface JobResult {
  id: number
  facts: SessionFacts
  state?: string
  /** The step's outcome, `write` being the encoded session (absent when nothing changed); or why it failed. */
  outcome?: { replies: string[]; effects: Effect[]; changed: boolean; write?: string; elder: boolean }
  stepError?: string
  /** What the matcher decided for each lookup the turn made (for the metrics, counted in the server's thread). */
  matches: MatchOutcome[]
  /** Something to log: a stored session that could not be read (the turn went on without it). */
  warning?: string
}

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'results'; results: JobResult[] }
  /** A job the worker could not even start (the session unreadable in a way prepare could not survive). */
  | { kind: 'failed'; id: number; error: string; matches: MatchOutcome[] }
