/**
 * A stand-in server process for the kill test (kill.test.ts), run as `node --import tsx test/tickets/kill-worker.ts`.
 * It opens tickets (MODE=open, printing "opened <id>" once each is stored) while running the background worker:
 * timers (escalation after ESCALATE_MS) and notification delivery through a notifier that records each delivery
 * in Redis, fails one delivery in five and takes a few milliseconds, so a SIGKILL lands mid-work.
 * MODE=work only runs the worker.
 */
import { createRedis, waitReady } from '../../src/store/redis-connection.js'
import type { Notifier } from '../../src/tickets/ports.js'
import { openTicket } from '../../src/tickets/service.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import { startTicketWorker } from '../../src/tickets/worker.js'
import { makeEnv, request } from './fixtures.js'

const url = process.env.REDIS_URL ?? ''
const prefix = process.env.PREFIX ?? ''
const mode = process.env.MODE ?? 'work'
const count = Number(process.env.COUNT ?? 0)
const escalateMs = Number(process.env.ESCALATE_MS ?? 1_500)

const redis = createRedis(url, { connectionName: 'daiban-kill-worker' })
await waitReady(redis, 5_000)
const backend = createRedisTicketBackend(redis, {
  prefix,
  retry: { maxAttempts: 20, baseDelayMs: 50, maxDelayMs: 400, visibilityMs: 400 },
  timerLeaseMs: 800,
})
const env = makeEnv(backend.tickets, { claimHours: escalateMs / 3_600_000 })

const notifier: Notifier = {
  async send(n) {
    await new Promise((r) => setTimeout(r, 2))
    if (Math.random() < 0.2) throw new Error('injected failure')
    await redis.hincrby(`${prefix}test:delivered`, n.id, 1)
  },
}
const worker = startTicketWorker({
  env,
  queue: backend.queue,
  timers: backend.timers,
  notifier,
  clock: { now: () => Date.now() },
  intervalMs: 20,
  onError: (what, err) => process.stderr.write(`${what}: ${String(err)}\n`),
})

if (mode === 'open') {
  const areas = ['town-a-v1', 'town-a-v2', 'town-b-v1']
  for (let i = 0; i < count; i++) {
    const r = await openTicket(env, request({ areaPointId: areas[i % areas.length] ?? 'town-a-v1', resident: { channel: 'http', userId: `u-${i}` } }), Date.now())
    if (!r.ok) throw new Error(r.message)
    process.stdout.write(`opened ${r.ticket.id}\n`)
    await new Promise((res) => setTimeout(res, 3))
  }
  process.stdout.write('all opened\n')
}
process.stdout.write('working\n')
process.on('SIGTERM', () => {
  void worker.stop().then(() => redis.quit()).then(() => process.exit(0))
})
