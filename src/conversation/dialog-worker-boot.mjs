// Entry of the dialog worker thread. The server runs its TypeScript through tsx, whose loader a worker does not
// inherit: registered here before the worker's own module (workerData.entry) is imported.
import { workerData } from 'node:worker_threads'

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api')
  register()
}
await import(workerData.entry)
