/**
 * Kill and restart: a server process opening tickets and delivering notifications is SIGKILLed mid-work,
 * started again, and nothing is lost: every ticket it acknowledged is stored, every notification any stored
 * ticket set off is delivered at least once, and the escalation timers still fire.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { notificationsFor } from '../../src/tickets/notify.js'
import { createRedisTicketBackend } from '../../src/tickets/store/redis-backend.js'
import type { Ticket } from '../../src/tickets/types.js'
import { newTestRedis, testRedisUrl } from '../support/redis.js'
import { NETWORK } from './fixtures.js'

const SCRIPT = fileURLToPath(new URL('./kill-worker.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const children: ChildProcess[] = []

function start(prefix: string, mode: 'open' | 'work', count = 0): { child: ChildProcess; lines: string[]; wait(pred: (lines: string[]) => boolean, ms: number): Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: testRedisUrl(), PREFIX: prefix, MODE: mode, COUNT: String(count), ESCALATE_MS: '1500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const lines: string[] = []
  let buffered = ''
  let waiter: (() => void) | undefined
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    lines.push(...parts)
    waiter?.()
  })
  child.stderr?.on('data', () => {})
  const wait = (pred: (l: string[]) => boolean, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child did not get there in ${ms} ms; last lines: ${lines.slice(-3).join(' | ')}`)), ms)
      waiter = () => {
        if (pred(lines)) {
          clearTimeout(timer)
          resolve()
        }
      }
      waiter()
    })
  return { child, lines, wait }
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** Ids of every notification a ticket's history set off (replaying the history on the ticket's chain). */
function expectedNotifications(t: Ticket): string[] {
  const ids: string[] = []
  let escalations = 0
  t.history.forEach((entry, k) => {
    const version = k + 1
    const nodeBefore = t.chain[Math.min(escalations, t.chain.length - 1)] ?? t.nodeId
    if (entry.action === 'escalate') escalations++
    const nodeAfter = t.chain[Math.min(escalations, t.chain.length - 1)] ?? t.nodeId
    const at = (nodeId: string): Ticket => ({ ...t, version, nodeId, escalations, history: t.history.slice(0, version) })
    const before = k === 0 ? undefined : { ...at(nodeBefore), version: version - 1 }
    ids.push(...notificationsFor(before, at(nodeAfter), entry, NETWORK).map((n) => n.id))
  })
  return ids
}

async function deliveredCounts(redis: Redis, prefix: string): Promise<Record<string, string>> {
  return redis.hgetall(`${prefix}test:delivered`)
}

describe('kill -9 mid-work, then restart', () => {
  afterEach(async () => {
    await Promise.all(children.splice(0).map(killed))
  })

  it('loses no ticket, no notification and no timer', { timeout: 60_000 }, async () => {
    const { redis, prefix, cleanup } = await newTestRedis()
    try {
      const first = start(prefix, 'open', 1_000)
      await first.wait((l) => l.filter((x) => x.startsWith('opened ')).length >= 80, 30_000)
      await killed(first.child)
      const acknowledged = first.lines.filter((l) => l.startsWith('opened ')).map((l) => l.slice(7))
      expect(acknowledged.length).toBeGreaterThanOrEqual(80)

      // Restarted, the process opens a few more and keeps working on what the dead one left behind.
      const second = start(prefix, 'open', 20)
      await second.wait((l) => l.includes('all opened'), 30_000)
      acknowledged.push(...second.lines.filter((l) => l.startsWith('opened ')).map((l) => l.slice(7)))
      expect(new Set(acknowledged).size).toBe(acknowledged.length)

      const backend = createRedisTicketBackend(redis, { prefix })
      const check = async () => {
        const tickets = await Promise.all(acknowledged.map((id) => backend.tickets.get(id)))
        const delivered = await deliveredCounts(redis, prefix)
        const missing = tickets.flatMap((t) => (t === undefined ? [] : expectedNotifications(t).filter((id) => !delivered[id])))
        const unescalated = tickets.filter((t) => t !== undefined && t.escalations === 0).length
        return { lost: tickets.filter((t) => t === undefined).length, missing, unescalated }
      }
      // Escalation after 1.5 s, retries with backoff: give the restarted process time to catch up.
      let state = await check()
      const deadline = Date.now() + 25_000
      while ((state.missing.length > 0 || state.unescalated > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250))
        state = await check()
      }
      expect(state.lost).toBe(0)
      expect(state.missing).toEqual([])
      expect(state.unescalated).toBe(0)
      expect(await backend.queue.deadLetters()).toEqual([])
    } finally {
      await cleanup()
    }
  })
})
