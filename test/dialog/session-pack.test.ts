/**
 * Sessions are stored with their 返回 history as deltas (packSession). Unpacking must give back exactly the
 * session that was packed, for every state the real dialog reaches with the real catalogue, and 返回 must
 * work the same through a store as without one.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalogDir } from '../../src/catalog/load.js'
import type { Catalog } from '../../src/catalog/types.js'
import { loadDialogDir } from '../../src/conversation/dialog-dir.js'
import { step } from '../../src/dialog/engine.js'
import type { DialogDefinitions } from '../../src/dialog/schema.js'
import { packSession, unpackSession, type DialogSession } from '../../src/dialog/session.js'
import { buildMatcher } from '../../src/match/index.js'
import type { Matcher } from '../../src/match/types.js'

let defs: DialogDefinitions
let ctx: { catalog: Catalog; matcher: Matcher; idleSeconds: number }

beforeAll(async () => {
  const [c, d] = await Promise.all([loadCatalogDir('catalog'), loadDialogDir('dialogs')])
  if (!c.ok || !d.ok) throw new Error('catalog or dialogs invalid')
  defs = d.definitions
  ctx = { catalog: c.catalog, matcher: buildMatcher(c.catalog), idleSeconds: 1800 }
})

const say = (session: DialogSession | undefined, text: string, now: number) =>
  step(defs, ctx, session, { resident: { channel: 'http', userId: 'u' }, content: { kind: 'text', text } }, now).session

/** What a store gives back: the JSON of the packed session, unpacked. */
const throughStore = (s: DialogSession) => unpackSession(JSON.parse(JSON.stringify(packSession(s))))

describe('packed sessions', () => {
  it('unpack what was packed, at every step of every item’s walk, with 返回 and answers of all kinds', () => {
    const replies = ['1', '2', '1', '没有', '3', '返回', '1', '2', '全部列出', '2', '张秀英', '13812345678', '1', '1', '1', '1']
    for (const [i, item] of ctx.catalog.items.entries()) {
      let s: DialogSession | undefined = say(undefined, item.phrasings[0] ?? item.name, 0)
      for (const [turn, text] of replies.entries()) {
        s = say(s, text, 1 + turn)
        expect(throughStore(s), `${item.name} after "${text}" (#${i})`).toEqual(JSON.parse(JSON.stringify(s)))
      }
    }
  })

  it('store a long walk in a fraction of the space', () => {
    let s: DialogSession | undefined = say(undefined, '怎么申请低保', 0)
    for (let turn = 1; turn <= 9; turn++) s = say(s, '1', turn)
    const full = JSON.stringify(s).length
    const packed = JSON.stringify(packSession(s!)).length
    expect(s!.history.length).toBeGreaterThanOrEqual(8)
    expect(packed).toBeLessThan(full / 2)
  })

  it('go back through the store exactly as in memory', () => {
    let mem: DialogSession | undefined = say(undefined, '怎么申请低保', 0)
    let stored = mem
    for (const [turn, text] of ['1', '1', '2', '1', '返回', '返回', '2', '返回'].entries()) {
      mem = say(mem, text, 1 + turn)
      stored = say(throughStore(stored!) as DialogSession, text, 1 + turn)
      expect(JSON.parse(JSON.stringify(stored))).toEqual(JSON.parse(JSON.stringify(mem)))
    }
  })

  it('read sessions stored before packing (a full history) as they are', () => {
    let s: DialogSession | undefined = say(undefined, '怎么申请低保', 0)
    s = say(say(s, '1', 1), '1', 2)
    const old = JSON.parse(JSON.stringify(s))
    expect(unpackSession(old)).toEqual(old)
    expect(unpackSession(null)).toBeNull()
    expect(unpackSession('text')).toBe('text')
  })
})
