/**
 * 长者模式 has its own wording for everything a resident reads: a message without an elder entry would switch an
 * elderly resident back to the long official words mid-conversation (walk changes and 已经办完了 used to).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadDialogsFromFiles } from '../../src/dialog/load.js'
import { ELDER_WORDS, STANDARD_WORDS, type ResidentWords } from '../../src/tickets/resident-words.js'

/** Written into the 代办 ticket for staff, never shown to the resident. */
const STAFF_ONLY = new Set(['say.ticketNoteSpecial', 'say.ticketNoteUnchecked', 'say.ticketNoteUnlistedVillage', 'say.villageUnnamed'])

describe('dialogs/messages.yaml elder section', () => {
  it('has an entry for every message a resident reads', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const m = result.definitions.messages
    const elder = (m.elder ?? {}) as Record<string, Record<string, unknown> | undefined>
    const missing: string[] = []
    // Entries with a default (added later: stepsAsked, outOfCatalogue …) count only when written in the elder section.
    for (const section of ['say', 'options', 'walk', 'checklist', 'answers', 'helpKinds', 'delivery', 'phoneKinds'] as const) {
      for (const key of Object.keys(m[section])) {
        const name = `${section}.${key}`
        if (!STAFF_ONLY.has(name) && elder[section]?.[key] === undefined) missing.push(name)
      }
    }
    expect(missing).toEqual([])
  })
})

/** States whose texts are already as plain as 长者模式 needs (the checklist's 您打算怎么办 under its elder 告知单). */
const PLAIN_ALREADY = new Set(['checklist'])

describe('dialogs/flow.yaml elder texts', () => {
  it('every state a resident reads has an elder prompt (and reprompt, where it has one)', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const missing: string[] = []
    for (const [name, state] of Object.entries(result.definitions.flow.states)) {
      if (PLAIN_ALREADY.has(name)) continue
      if (state.elder?.prompt === undefined) missing.push(`${name}.prompt`)
      if (state.reprompt !== undefined && state.elder?.reprompt === undefined) missing.push(`${name}.reprompt`)
    }
    expect(missing).toEqual([])
  })
})

describe('dialogs/flow.yaml elder option labels', () => {
  it('every numbered option a resident reads (but a bare 对 / 是 / 不是) has an elder label, and an elder unavailable where it has one', () => {
    const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => ({ path: `dialogs/${n}`, text: readFileSync(`dialogs/${n}`, 'utf8') }))
    const result = loadDialogsFromFiles(files)
    if (!result.ok) throw new Error('dialogs invalid')
    const missing: string[] = []
    for (const [name, state] of Object.entries(result.definitions.flow.states)) {
      for (const [i, o] of ('options' in state ? (state.options ?? []) : []).entries()) {
        if (o.label.length > 2 && o.elder?.label === undefined) missing.push(`${name}.options[${i}].label（${o.label}）`)
        if (o.unavailable !== undefined && o.elder?.unavailable === undefined) missing.push(`${name}.options[${i}].unavailable`)
      }
      if ('otherVillage' in state && state.otherVillage !== undefined && state.elder?.otherVillage === undefined) missing.push(`${name}.otherVillage`)
    }
    expect(missing).toEqual([])
  })
})

/** Each ticket text said with sample facts, to compare the two wordings. */
function sampled(words: ResidentWords): Record<string, string> {
  const t = { id: 'DB2611230001', itemName: '最低生活保障申请', help: '代办' }
  const item = 'DB2611230001（最低生活保障申请）'
  const all: Record<keyof ResidentWords, string> = {
    opened: words.opened(t, '大店镇便民服务中心', '2026年12月10日前办结'),
    earlierOpen: `${words.earlierOpen(t, true)} ${words.earlierOpen(t, false)}`,
    alreadyOpen: `${words.alreadyOpen(t, words.status('待领办'), false)} ${words.alreadyOpen(t, words.status('已退回'), true)}`,
    deadline: `${words.deadline('2026年12月10日')} ${words.deadline(undefined)}`,
    status: words.status('待领办'),
    listNone: words.listNone,
    list: words.list(['· DB2611230001 最低生活保障申请：待领办'], true, 'DB2611230001'),
    detail: words.detail(t, { status: '已退回', createdAt: '2026-11-23 09:00', deadline: 'x', last: 'y', waiting: true, returned: true }),
    statusLine: words.statusLine('已退回', '代办员 王芳（13800000000）', '缺户口簿原件'),
    notFound: words.notFound(t.id),
    cancelled: words.cancelled(t.id),
    nothingToRate: words.nothingToRate,
    ratingExpired: words.ratingExpired(t.id, 5),
    ratingRange: words.ratingRange,
    alreadyRated: words.alreadyRated(t.id, 5),
    rated: words.rated(1, true, 5, true) + words.rated(5, false, 5, false),
    commentNoted: words.commentNoted(true),
    commentSkipped: words.commentSkipped,
    noneReturned: words.noneReturned,
    severalReturned: words.severalReturned([`· ${t.id} 最低生活保障申请：缺户口簿原件`], '最低生活保障申请') + words.severalReturned([], '低保', true),
    resumed: words.resumed(t.id) + words.resumed(t.id, true),
    refused:
      words.refused(t.id, { code: 'bad_status', message: `工单 ${t.id} 现在是"已领办"，不能取消。`, action: 'cancel', status: '已领办' }) +
      words.refused(t.id, { code: 'not_found', message: `没有找到工单 ${t.id}，请核对工单号。` }),
    actFailed: words.actFailed,
    cancelAsk: words.cancelAsk(t),
    cancelKept: words.cancelKept(t),
    cancelKeptUnclear: words.cancelKeptUnclear(t),
    cancelKeptAll: words.cancelKeptAll(2),
    stillOpen: words.stillOpen(t, true, false) + words.stillOpen(t, false, true),
    nothingToCancel: words.nothingToCancel(true) + words.nothingToCancel(false),
    cancelWhich: words.cancelWhich(['· DB2611230001 最低生活保障申请', '· DB2611230002 出生登记'], t.id),
    cannotCancel: words.cannotCancel(t),
    cancelledBefore: words.cancelledBefore(t),
    thanksOpen: words.thanksOpen(t, words.status('待领办')),
    claimed: words.claimed(item, '王芳', '13800000000'),
    started: words.started(item),
    returned: words.returned(item, '缺户口簿原件', t.id),
    done: words.done(item, '已寄出', { kind: 'pickup', point: '大店镇便民服务中心', agent: { name: '王芳', phone: '13800000000' } }),
    escalated: words.escalated(item, '大店镇便民服务中心'),
    followedUp: words.followedUp(item, '已电话回访'),
    ratingPrompt: words.ratingPrompt(5),
    returnedHint: words.returnedHint(t.id, t) + words.returnedHint('最低生活保障申请'),
  }
  return all
}

describe('ticket texts for residents (src/tickets/resident-words.ts)', () => {
  it('every one has its own 长者模式 wording', () => {
    const standard = sampled(STANDARD_WORDS)
    const elder = sampled(ELDER_WORDS)
    // Also every entry the standard words have, so one added there without a sample here is caught too.
    expect(Object.keys(standard).sort()).toEqual(Object.keys(STANDARD_WORDS).sort())
    expect(Object.keys(ELDER_WORDS).sort()).toEqual(Object.keys(STANDARD_WORDS).sort())
    const same = Object.keys(standard).filter((k) => standard[k] === elder[k])
    expect(same).toEqual([])
  })

  it('the rating question ends with the scores one per line in both (the web chat shows them as buttons)', () => {
    for (const words of [STANDARD_WORDS, ELDER_WORDS]) expect(words.ratingPrompt(5)).toMatch(/\n1 非常不满意\n2 不满意\n3 基本满意\n4 满意\n5 非常满意$/)
  })
})
