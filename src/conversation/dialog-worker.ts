/**
 * The dialog worker thread: works out turns (worker-runner.ts posts them) with its own copy of the dialog
 * definitions, the catalogue the server's thread serves (sent again when it changes) and a matcher built from it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { buildMatcher } from '../match/index.js'
import { rememberingMatcher } from '../match/remembered.js'
import type { FromWorker, JobResult, ToWorker, WorkerSetup } from './dialog-jobs.js'
import { encodedTurns } from './encoded-turns.js'

const setup = workerData as WorkerSetup
const port = parentPort!
const turns = encodedTurns(setup.definitions, setup.catalog, rememberingMatcher(buildMatcher(setup.catalog)), setup.idleSeconds)

port.on('message', (m: ToWorker) => {
  if (m.kind === 'catalog') {
    turns.setCatalog(m.catalog, rememberingMatcher(buildMatcher(m.catalog)))
    return
  }
  const results: JobResult[] = []
  for (const job of m.jobs) {
    try {
      results.push(turns.run(job))
    } catch (err) {
      post({ kind: 'failed', id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err), matches: [] })
    }
  }
  if (results.length > 0) post({ kind: 'results', results })
})
post({ kind: 'ready' })

function post(m: FromWorker): void {
  port.postMessage(m)
}
