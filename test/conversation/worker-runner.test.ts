/**
 * The dialog worker: turns worked out in a worker thread read exactly as in the server's thread, follow a catalogue
 * reload, and survive the worker dying (mid-turn or at start): the turn is worked out here, none is lost.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Catalog } from '../../src/catalog/types.js'
import { silentLogger } from '../../src/conversation/default-effects.js'
import { workerRunner, type WorkerRunner, type WorkerRunnerOptions } from '../../src/conversation/worker-runner.js'
import { decodeSession } from '../../src/dialog/session-json.js'
import { buildMatcher } from '../../src/match/index.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import { newChat, real } from './support.js'

const runners: WorkerRunner[] = []
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close()
})

async function runner(opts: Partial<WorkerRunnerOptions> = {}): Promise<WorkerRunner> {
  const r = await real()
  const made = workerRunner({
    definitions: r.definitions,
    catalog: () => ({ catalog: r.catalog, matcher: r.matcher }),
    idleSeconds: 1800,
    logger: silentLogger,
    ...opts,
  })
  runners.push(made)
  return made
}

/** A resident's way through a walk to its checklist, with odd replies on the way. */
const SCRIPT = ['低保怎么申请', '1', '没有', '返回', '1', '户口本丢了咋办', '1', '1', '全部列出', '1', '1', '1']

async function transcript(opts: Parameters<typeof newChat>[0]): Promise<string[][]> {
  const chat = await newChat(opts)
  const out: string[][] = []
  for (const text of SCRIPT) out.push(await chat.say(text))
  return out
}

describe('dialog worker', () => {
  it('answers a conversation word for word as the server thread does, in the worker', async () => {
    const here = await transcript({})
    const worker = await runner()
    expect(await worker.whenReady()).toBe(true)
    const there = await transcript({ runner: worker, sessions: new MemorySessionStore() })
    expect(there).toEqual(here)
    expect(worker.counts).toEqual({ worker: SCRIPT.length, here: 0 })
  })

  it('stores the session as text that the server thread reads on (DIALOG_WORKER switched off after a restart)', async () => {
    const here = await transcript({})
    const worker = await runner()
    await worker.whenReady()
    const stored = new MemorySessionStore()
    const chat = await newChat({ runner: worker, sessions: stored })
    const half = SCRIPT.length / 2
    const there: string[][] = []
    for (const text of SCRIPT.slice(0, half)) there.push(await chat.say(text))
    const text = await stored.get('http:resident-1')
    expect(typeof text).toBe('string')
    const objects = new MemorySessionStore()
    await objects.set('http:resident-1', decodeSession(text as string), 3600)
    const after = await newChat({ sessions: objects, clock: chat.clock })
    for (const text of SCRIPT.slice(half)) there.push(await after.say(text))
    expect(there).toEqual(here)
  })

  it('works with the catalogue the server thread serves now, after a reload', async () => {
    const r = await real()
    const items = r.catalog.items.map((item) =>
      item.name === '最低生活保障申请'
        ? { ...item, materials: item.materials.map((m) => (m.name === '申请人居民身份证' ? { ...m, name: '申请人身份证（改过）' } : m)) }
        : item,
    )
    const renamed: Catalog = { ...r.catalog, version: `${r.catalog.version}-renamed`, items, byId: new Map(items.map((i) => [i.id, i])) }
    let current = { catalog: r.catalog, matcher: r.matcher }
    const worker = await runner({ catalog: () => current })
    await worker.whenReady()
    const first = await newChat({ runner: worker, sessions: new MemorySessionStore() })
    await first.say('低保怎么申请')
    expect((await first.say('1')).join('\n')).not.toContain('申请人身份证（改过）')
    current = { catalog: renamed, matcher: buildMatcher(renamed) }
    const second = await newChat({ runner: worker, sessions: new MemorySessionStore(), userId: 'resident-2' })
    await second.say('低保怎么申请')
    expect((await second.say('1')).join('\n')).toContain('申请人身份证（改过）')
    expect(worker.counts.here).toBe(0)
  })

  it('loses no turn when the worker dies in the middle of one: it is worked out here', async () => {
    const here = await transcript({})
    const worker = await runner({ entry: new URL('./fixtures/dying-dialog-worker.ts', import.meta.url).href, maxRestartsPerMinute: 1 })
    expect(await worker.whenReady()).toBe(true)
    const there = await transcript({ runner: worker, sessions: new MemorySessionStore() })
    expect(there).toEqual(here)
    expect(worker.counts.worker).toBe(0)
    expect(worker.counts.here).toBe(SCRIPT.length)
  })

  it('answers every turn here when the worker cannot start at all', async () => {
    const here = await transcript({})
    const worker = await runner({ entry: new URL('./fixtures/broken-dialog-worker.ts', import.meta.url).href, maxRestartsPerMinute: 0 })
    expect(await worker.whenReady()).toBe(false)
    const there = await transcript({ runner: worker, sessions: new MemorySessionStore() })
    expect(there).toEqual(here)
    expect(worker.counts).toEqual({ worker: 0, here: SCRIPT.length })
  })
})
