/**
 * The engine on its own: step() with the real dialog files, a small hand-made catalogue and a matcher that
 * answers what the test says (the Matcher interface), so each rule is visible without the real ranking.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Catalog, CatalogItem, Material } from '../../src/catalog/types.js'
import { loadDialogDir } from '../../src/conversation/dialog-dir.js'
import { step, type StepInput } from '../../src/dialog/engine.js'
import { givenAnswers, materialStatuses, nextStep, UNSURE_ANSWER } from '../../src/dialog/materials.js'
import type { DialogDefinitions } from '../../src/dialog/schema.js'
import { HISTORY_DEPTH, type DialogSession } from '../../src/dialog/session.js'
import type { Matcher, MatchResult } from '../../src/match/types.js'

function item(id: string, name: string, materials: Partial<Material>[], extra: Partial<CatalogItem> = {}): CatalogItem {
  return {
    id, name, department: '县民政局', type: '公共服务', tiers: ['镇'], conditions: ['本县户籍'], questions: [],
    materials: materials.map((m) => ({ name: '材料', form: '原件', copies: 1, unit: '份', requirement: '必须', ...m })),
    steps: ['申请'], promisedLimitDays: 0, fee: '不收费', places: [{ tier: '镇' }], visits: 1,
    proxy: { allowed: true, kinds: ['代办'] }, mail: false, consultPhone: '0539-7211000', complaintPhone: '12345',
    legalBasis: ['依据'], phrasings: [], keywords: [], sources: [], file: `items/${id}.yaml`, ...extra,
  }
}

const A = item('a', '甲事项', [{ name: '身份证', whereToGet: '到户籍地派出所补办' }, { name: '户口簿' }])
const B = item('b', '乙事项', [
  { name: '申请表' },
  { name: '委托书', requirement: '按情况', condition: { questionId: 'proxy', answers: ['是'] } },
  { name: '受托人身份证', requirement: '按情况', condition: { questionId: 'proxy', answers: ['是'] } },
], { questions: [{ id: 'proxy', prompt: '是不是委托别人办？', options: ['是', '否'], words: {} }] })
const catalog: Catalog = {
  items: [A, B], byId: new Map([[A.id, A], [B.id, B]]), points: new Map(), synonyms: [],
  words: { fillers: [], generic: [], outside: [], asking: [] }, version: 'test',
}

/** A matcher whose answers the test sets: question → results. */
const answers = new Map<string, MatchResult[]>()
const matcher: Matcher = { match: (q) => answers.get(q) ?? [] }
const ctx = { catalog, matcher, idleSeconds: 1800 }
const input = (text: string): StepInput => ({ resident: { channel: 'http', userId: 'u' }, content: { kind: 'text', text } })

let defs: DialogDefinitions
beforeAll(async () => {
  const loaded = await loadDialogDir('dialogs')
  if (!loaded.ok) throw new Error('dialogs invalid')
  defs = loaded.definitions
  // Clear (≥ CLEAR_SCORE, nothing close): the walk starts at once, without 对吗.
  answers.set('甲', [{ item: A, score: 0.9 }])
  // Sure but not clear: confirmed with 对吗 first.
  answers.set('甲吧', [{ item: A, score: 0.7 }])
  answers.set('甲乙', [{ item: A, score: 0.8 }, { item: B, score: 0.78 }])
  answers.set('模糊', [{ item: A, score: 0.45 }])
})
afterEach(() => vi.restoreAllMocks())

/** Runs replies through step() from a fresh session, returning the last result. */
function run(...texts: string[]) {
  let session: DialogSession | undefined
  let result = step(defs, ctx, session, input(texts[0]!), 1_000)
  for (const [i, text] of texts.entries()) {
    if (i > 0) result = step(defs, ctx, session, input(text), 1_000 + i)
    session = result.session
  }
  return result
}

describe('step()', () => {
  it('is deterministic and reads neither the clock nor randomness nor changes its input session', () => {
    const first = run('甲')
    const frozen = structuredClone(first.session)
    const deepFreeze = (o: object): object => {
      for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v)
      return Object.freeze(o)
    }
    deepFreeze(frozen)
    vi.spyOn(Date, 'now').mockImplementation(() => { throw new Error('read the clock') })
    vi.spyOn(Math, 'random').mockImplementation(() => { throw new Error('used randomness') })
    const a = step(defs, ctx, frozen as DialogSession, input('1'), 9_000)
    const b = step(defs, ctx, frozen as DialogSession, input('1'), 9_000)
    expect(a).toEqual(b)
    expect(frozen).toEqual(first.session)
    expect(a.session.ready).toEqual({ 身份证: true })
  })

  it('starts the walk when clear, confirms when only sure, offers choices when two items are close without reporting them, reports a weak match', () => {
    expect(run('甲').session).toMatchObject({ state: 'materials', itemId: 'a', unconfirmed: true })
    expect(run('甲吧').session).toMatchObject({ state: 'confirm_item', itemId: 'a' })
    expect(run('甲吧').session.unconfirmed).toBeUndefined()
    const close = run('甲乙')
    expect(close.session).toMatchObject({ state: 'choose_item', candidates: ['a', 'b'] })
    expect(close.effects).toEqual([])
    const weak = run('模糊')
    expect(weak.session.state).toBe('choose_item')
    expect(weak.effects).toEqual([{ type: 'unmatched', text: '模糊', candidates: [{ id: 'a', name: '甲事项', score: 0.45 }] }])
  })

  it('after a clear find, 不对 as the first reply is the wrong item (ask_again, item cleared); after an answer, or once confirmed, it is not', () => {
    const clear = run('甲')
    expect(clear.replies).toEqual(['好的。办"甲事项"要准备的材料，我们一项一项核对（回复"全部列出"可以直接看清单）。\n问的不是这件事，请回复"不对"。\n是否已准备好：身份证（原件1份）？\n回复 1 有，2 没有'])
    for (const wrong of ['不对', '错了', '不是这件事']) {
      const asked = run('甲', wrong)
      expect(asked.session.state, wrong).toBe('ask_again')
      expect(asked.session, wrong).toMatchObject({ answers: {}, ready: {} })
      expect(asked.session.itemId, wrong).toBeUndefined()
      expect(asked.session.unconfirmed, wrong).toBeUndefined()
      expect(asked.replies, wrong).toEqual(['好的，请换个说法再说一次您要办什么事。\n回复 1 转人工'])
    }
    // Answered once: 不对 is read as at any material question (没有); the walk of 甲 ends with it.
    const answered = run('甲', '1')
    expect(answered.session.unconfirmed).toBeUndefined()
    expect(run('甲', '1', '不对').session).toMatchObject({ state: 'checklist', itemId: 'a', ready: { 身份证: true, 户口簿: false } })
    // Confirmed with 对吗: the same.
    expect(run('甲吧', '1', '不对').session).toMatchObject({ state: 'materials', itemId: 'a', ready: { 身份证: false } })
    expect(run('甲吧', '1').replies.join('\n')).not.toContain('问的不是这件事')
  })

  it('返回 to the first question of a walk begun without 对吗 shows the 不对 hint again, since 不对 there is the wrong item again', () => {
    const back = run('甲', '1', '返回')
    expect(back.replies).toEqual(['问的不是这件事，请回复"不对"。', '是否已准备好：身份证（原件1份）？\n回复 1 有，2 没有'])
    expect(run('甲', '1', '返回', '不对').session.state).toBe('ask_again')
    // Confirmed with 对吗, going back says no such thing.
    expect(run('甲吧', '1', '1', '返回').replies.join('\n')).not.toContain('问的不是这件事')
  })

  it('asks 对吗 for a clear find whose walk has nothing to ask, which would otherwise go to the checklist unconfirmed', () => {
    const nothing = item('n', '辛事项', [{ name: '银行卡', requirement: '可选' }])
    const withNothing = { ...ctx, catalog: { ...catalog, byId: new Map([[nothing.id, nothing]]) } }
    answers.set('辛', [{ item: nothing, score: 0.95 }])
    const first = step(defs, withNothing, undefined, input('辛'), 1_000)
    expect(first.session).toMatchObject({ state: 'confirm_item', itemId: 'n' })
    expect(first.session.unconfirmed).toBeUndefined()
    expect(step(defs, withNothing, first.session, input('1'), 2_000).session.state).toBe('checklist')
  })

  it('asks a yes/no question plainly when it decides two materials, then each of them', () => {
    const asked = nextStep(B, { answers: {}, ready: { 申请表: true } })
    expect(asked).toMatchObject({ kind: 'question', question: { id: 'proxy' } })
    expect(asked?.kind === 'question' && asked.needs).toBeUndefined()
    const afterYes = run('甲乙', '2', '1', '是')
    expect(afterYes.replies.join('\n')).toContain('是否已准备好：委托书')
    const afterNo = run('甲乙', '2', '1', '否')
    expect(afterNo.session.state).toBe('checklist')
    expect(afterNo.replies.join('\n')).not.toContain('委托书')
  })

  it('asks a question that depends on an earlier answer only after that answer allows it', () => {
    // 委托 makes no sense once the insured person has died: the heir comes in person.
    const pension = item('y', '养老待遇', [
      { name: '委托书', requirement: '按情况', condition: { questionId: 'proxy', answers: ['是'] } },
      { name: '死亡证明', requirement: '按情况', condition: { questionId: 'kind', answers: ['去世'] } },
    ], {
      questions: [
        { id: 'kind', prompt: '办哪样？', options: ['领取', '去世'], words: {} },
        { id: 'proxy', prompt: '是不是家里人替他办？', options: ['是', '否'], words: {}, condition: { questionId: 'kind', answers: ['领取'] } },
      ],
    })
    const at = (answers: Record<string, string>, ready: Record<string, boolean> = {}) => nextStep(pension, { answers, ready })
    // The material of the dependent question comes first, yet the question it depends on is asked first.
    expect(at({})).toMatchObject({ kind: 'question', question: { id: 'kind' } })
    expect(at({ kind: '领取' })).toMatchObject({ kind: 'question', question: { id: 'proxy' } })
    expect(at({ kind: '领取', proxy: '是' })).toMatchObject({ kind: 'material', material: { name: '委托书' } })
    expect(at({ kind: '去世' })).toMatchObject({ kind: 'material', material: { name: '死亡证明' } })
    expect(at({ kind: '去世' }, { 死亡证明: true })).toBeUndefined()
    // An answer given before the first one changed (返回) does not bring its material back.
    const statuses = materialStatuses(pension, { answers: { kind: '去世', proxy: '是' }, ready: { 死亡证明: true } })
    expect(statuses.map((s) => s.material.name)).toEqual(['死亡证明'])
    expect(givenAnswers(pension, { kind: '去世', proxy: '是' })).toEqual({ kind: '去世' })
    expect(givenAnswers(pension, { kind: UNSURE_ANSWER, proxy: '否' })).toEqual({ proxy: '否' })
    // 不知道 rules nothing out: the dependent question is still asked.
    expect(at({ kind: UNSURE_ANSWER })).toMatchObject({ kind: 'question', question: { id: 'proxy' } })
    expect(materialStatuses(pension, { answers: {}, ready: {} }).map((s) => s.status)).toEqual(['conditional', 'conditional'])
  })

  it('asks a question whose answers are situations (已准备 / 现场拍) alone, never "已准备，已准备好", then its material', () => {
    const photo = item('p', '丙事项', [{ name: '合影照片', requirement: '按情况', condition: { questionId: 'photo', answers: ['已准备'] } }], {
      questions: [{ id: 'photo', prompt: '照片准备好了吗？', options: ['已准备', '现场拍'], words: {} }],
    })
    const withPhoto = { ...ctx, catalog: { ...catalog, byId: new Map([[photo.id, photo]]) } }
    answers.set('丙', [{ item: photo, score: 0.9 }])
    // Clear: the walk starts at once, with the question.
    const question = step(defs, withPhoto, undefined, input('丙'), 1_000)
    expect(question.replies.join('\n')).toContain('照片准备好了吗？')
    expect(question.replies.join('\n')).toContain('回复 1 已准备，2 现场拍')
    expect(question.replies.join('\n')).not.toContain('，已准备好')
    const session = question.session
    expect(step(defs, withPhoto, session, input('已准备'), 3_000).replies.join('\n')).toContain('是否已准备好：合影照片')
    expect(step(defs, withPhoto, session, input('现场拍'), 3_000).session.state).toBe('checklist')
  })

  it('asks a yes/no question that brings in one material alone (1 是，2 否), says what 是 brings, then asks the material', () => {
    const letter = item('w', '丁事项', [{ name: '授权委托书', requirement: '按情况', condition: { questionId: 'proxy', answers: ['是'] }, whereToGet: '村委会有样表' }], {
      questions: [{ id: 'proxy', prompt: '是不是委托别人来办？', options: ['是', '否'], words: {} }],
    })
    const withLetter = { ...ctx, catalog: { ...catalog, byId: new Map([[letter.id, letter]]) } }
    answers.set('丁', [{ item: letter, score: 0.9 }])
    // Clear: the walk starts at once, with the question.
    const say = (...texts: string[]) => {
      let { session, replies } = step(defs, withLetter, undefined, input('丁'), 1_000)
      texts.forEach((text, k) => ({ session, replies } = step(defs, withLetter, session, input(text), 2_000 + k)))
      return { session, text: replies.join('\n') }
    }
    const question = say().text
    expect(question).toContain('是不是委托别人来办？\n（选"是"的话，还要带：授权委托书）\n回复 1 是，2 否')
    // 2 is 否 here, as at every yes/no question: nothing more to bring.
    const no = say('2')
    expect(no.session).toMatchObject({ state: 'checklist', answers: { proxy: '否' }, ready: {} })
    expect(no.text).not.toContain('✗ 授权委托书')
    expect(say('1').text).toContain('是否已准备好：授权委托书')
    expect(say('1', '2').session.ready).toEqual({ 授权委托书: false })
    // Not sure: no guess. The material is not asked, and the checklist lists it as 看情况, with the question.
    const unsure = say('不知道')
    expect(unsure.session).toMatchObject({ state: 'checklist', answers: { proxy: '' }, ready: {} })
    expect(unsure.text).toContain('拿不准没关系')
    expect(unsure.text).not.toContain('是否已准备好：授权委托书')
    expect(unsure.text).toContain('○ 授权委托书（原件1份）\n   是不是委托别人来办？选"是"才要带')
  })

  it('takes a situation said in other words: part of its label, the label inside a reply, or one of its 说法', () => {
    const kinds = item('k', '戊事项', [
      { name: '转诊证明', requirement: '按情况', condition: { questionId: 'kind', answers: ['转诊到外地医院'] } },
      { name: '居住证明', requirement: '按情况', condition: { questionId: 'kind', answers: ['异地长期居住', '急诊抢救'] } },
    ], {
      questions: [{ id: 'kind', prompt: '您是哪种情况？', options: ['异地长期居住', '转诊到外地医院', '急诊抢救'], words: { 异地长期居住: ['跟儿子住'] } }],
    })
    const withKinds = { ...ctx, catalog: { ...catalog, byId: new Map([[kinds.id, kinds]]) } }
    answers.set('戊', [{ item: kinds, score: 0.9 }])
    const answer = (text: string) => {
      const session = step(defs, withKinds, undefined, input('戊'), 1_000).session
      return step(defs, withKinds, session, input(text), 3_000).session.answers
    }
    expect(answer('急诊')).toEqual({ kind: '急诊抢救' })
    expect(answer('俺是转诊到外地医院的')).toEqual({ kind: '转诊到外地医院' })
    expect(answer('去年就跟儿子住了')).toEqual({ kind: '异地长期居住' })
    // Turned round, or naming two, it is not taken.
    expect(answer('不是急诊抢救')).toEqual({})
    expect(answer('外地')).toEqual({})
  })

  it('takes a denied option of two (不是异地, 不是本地的) as the other one; of three, asks which, never the denied one', () => {
    const where = item('w', '己事项', [
      { name: '异地证明', requirement: '按情况', condition: { questionId: 'where', answers: ['异地'] } },
    ], { questions: [{ id: 'where', prompt: '您是本地还是异地？', options: ['本地', '异地'], words: {} }] })
    const kinds = item('k3', '庚事项', [
      { name: '转诊证明', requirement: '按情况', condition: { questionId: 'kind', answers: ['转诊到外地医院'] } },
    ], { questions: [{ id: 'kind', prompt: '您是哪种情况？', options: ['异地长期居住', '转诊到外地医院', '急诊抢救'], words: {} }] })
    const both = { ...ctx, catalog: { ...catalog, byId: new Map([[where.id, where], [kinds.id, kinds]]) } }
    answers.set('己', [{ item: where, score: 0.9 }])
    answers.set('庚', [{ item: kinds, score: 0.9 }])
    const reply = (question: string, text: string) => {
      const session = step(defs, both, undefined, input(question), 1_000).session
      return step(defs, both, session, input(text), 3_000)
    }
    expect(reply('己', '不是异地').session.answers).toEqual({ where: '本地' })
    expect(reply('己', '不是本地的').session.answers).toEqual({ where: '异地' })
    expect(reply('己', '俺不是本地人').session.answers).toEqual({ where: '异地' })
    expect(reply('己', '我不在本地').session.answers).toEqual({ where: '异地' })
    // 不是 said apart, or followed by 我是: what comes after it is the answer, not a denied option.
    expect(reply('己', '不是，异地').session.answers).toEqual({ where: '异地' })
    expect(reply('己', '不是我是本地的').session.answers).toEqual({ where: '本地' })
    // 不是异地 with two options left: which one, and the question again; nothing recorded.
    const three = reply('庚', '不是急诊抢救')
    expect(three.session.answers).toEqual({})
    expect(three.replies).toEqual(['不是"急诊抢救"的话，是哪一种？', '您是哪种情况？\n（选"转诊到外地医院"的话，还要带：转诊证明）\n请回复编号：\n1 异地长期居住\n2 转诊到外地医院\n3 急诊抢救'])
  })

  it('keeps material answers by name in a session stored without a walk stamp, so a reorder keeps them', () => {
    const { walkStamp: _stamp, ...session } = run('甲', '2').session
    expect(session.ready).toEqual({ 身份证: false })
    const reordered = { ...A, materials: [...A.materials].reverse() }
    const edited = { ...catalog, byId: new Map([[A.id, reordered]]) }
    const next = step(defs, { ...ctx, catalog: edited }, session, input('1'), 5_000)
    expect(next.session.ready).toEqual({ 身份证: false, 户口簿: true })
  })

  it('walks again from the first material, keeping the item, when its materials changed mid-walk', () => {
    const session = run('甲', '2').session
    expect(session.walkStamp).toEqual(expect.any(String))
    const edited = { ...A, materials: [{ ...A.materials[0]!, name: '近期照片' }, ...A.materials] }
    const next = step(defs, { ...ctx, catalog: { ...catalog, byId: new Map([[A.id, edited]]) } }, session, input('1'), 5_000)
    expect(next.replies[0]).toBe('这个事项的材料刚刚更新了，我们从头再核对一遍。')
    expect(next.replies.join('\n')).toContain('是否已准备好：近期照片（原件1份）？')
    expect(next.session).toMatchObject({ state: 'materials', itemId: 'a', ready: {}, answers: {} })
    expect(next.session.walkStamp).not.toBe(session.walkStamp)
    // Unchanged item: the answer applies as usual.
    expect(step(defs, ctx, session, input('1'), 5_000).session.ready).toEqual({ 身份证: false, 户口簿: true })
  })

  it('goes back (返回) without changing the session it was given, history entries included', () => {
    const walked = run('甲', '1')
    const frozen = structuredClone(walked.session)
    const deepFreeze = (o: object): object => {
      for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v)
      return Object.freeze(o)
    }
    deepFreeze(frozen)
    const back = step(defs, ctx, frozen as DialogSession, input('返回'), 9_000)
    expect(back.session.ready).toEqual({})
    // The restored state is the session's own to change on the next message.
    const again = step(defs, ctx, back.session, input('2'), 9_001)
    expect(again.session.ready).toEqual({ 身份证: false })
    expect(frozen).toEqual(walked.session)
  })

  it('says where to get the material asked about, or what it is, then asks it again; 不知道 counts as not ready yet', () => {
    const asked = run('甲', '这个去哪开')
    expect(asked.replies[0]).toBe('身份证：到户籍地派出所补办')
    expect(asked.replies[1]).toContain('是否已准备好：身份证')
    expect(asked.session.ready).toEqual({})
    // A material without a source named: its item's consultation phone.
    expect(run('甲', '1', '户口簿丢了咋办').replies[0]).toContain('0539-7211000')
    expect(run('甲', '不知道去哪开').replies[0]).toBe('身份证：到户籍地派出所补办')
    // Another material of the item, named while 身份证 is asked: that one's source, then the same question.
    const other = run('甲', '户口簿去哪补')
    expect(other.replies[0]).toMatch(/^户口簿：/)
    expect(other.replies[1]).toContain('是否已准备好：身份证')
    const what = run('甲', '这是啥')
    expect(what.replies[0]).toBe('身份证（原件1份）是办"甲事项"要交的材料。\n到哪里开：到户籍地派出所补办')
    expect(what.replies[1]).toContain('是否已准备好：身份证')
    expect(what.session.ready).toEqual({})
    // 好的 agrees but does not say the material is there; 嗯 and 有 do.
    expect(run('甲', '好的').session.ready).toEqual({})
    expect(run('甲', '有的').session.ready).toEqual({ 身份证: true })
    const unsure = run('甲', '不知道')
    expect(unsure.session.ready).toEqual({ 身份证: false })
    expect(unsure.replies[0]).toContain('先记作"没有"')
    expect(unsure.replies[1]).toContain('是否已准备好：户口簿')
    // 不知道 to a situation question is not guessed: its materials are left to the window (看情况).
    answers.set('乙', [{ item: B, score: 0.9 }])
    const situation = run('乙', '1', '俺也不知道')
    expect(situation.session.answers).toEqual({ proxy: '' })
    expect(situation.replies[0]).toContain('拿不准没关系')
    expect(situation.replies.join('\n')).not.toContain('是否已准备好：委托书')
    // Asking where to do something else is a new question, not about the material.
    answers.set('乙事项在哪办', [{ item: B, score: 0.9 }])
    expect(run('甲', '乙事项在哪办').replies.join('\n')).toContain('乙事项')
  })

  it('writes a question out once in the checklist, under the first of the materials it decides', () => {
    answers.set('乙', [{ item: B, score: 0.9 }])
    const checklist = run('乙', '全部列出').replies.join('\n')
    expect(checklist.split('是不是委托别人办？').length - 1).toBe(1)
    expect(checklist).toContain('○ 受托人身份证（原件1份）\n   选"是"才要带')
  })

  it('返回 skips a "nothing found" step: there is nothing to go back to there', () => {
    // 甲乙 offers two candidates (choose_item): 返回 there goes to the welcome, not to 没找到.
    const back = run('什么也没有', '甲乙', '返回')
    expect(back.session.state).toBe('welcome')
    expect(back.replies.join('\n')).not.toContain('没找到')
  })

  it('keeps at most HISTORY_DEPTH steps for 返回', () => {
    const texts = ['甲']
    for (let i = 0; i < 20; i++) texts.push('1', '返回')
    expect(run(...texts, '1', '1').session.history.length).toBeLessThanOrEqual(HISTORY_DEPTH)
  })

  it('starts over, saying so, when a stored session names a state the dialogs no longer have', () => {
    const stale = { ...run('甲').session, state: 'removed_state' }
    const result = step(defs, ctx, stale, input('1'), 2_000)
    expect(result.replies[0]).toBe('好的，我们重新开始。')
    expect(result.session.state).toBe('welcome')
  })

  it('answers a non-text message without changing the session', () => {
    const session = run('甲').session
    const result = step(defs, ctx, session, { resident: { channel: 'http', userId: 'u' }, content: { kind: 'image' } }, 3_000)
    expect(result.changed).toBe(false)
    expect(result.session).toBe(session)
  })

  it('answers what the question asked besides the materials (时限, 收费, 条件), once the item is settled', () => {
    // Sure but not clear: not at the 对吗 step, after 对.
    answers.set('甲要几天要钱不', [{ item: A, score: 0.7 }])
    answers.set('甲一个月能领多少钱', [{ item: A, score: 0.9 }])
    expect(run('甲要几天要钱不').replies.join('\n')).not.toContain('多久办好')
    const replies = run('甲要几天要钱不', '1').replies.join('\n')
    expect(replies).toMatch(/^多久办好：即办（当场办结）\n收不收费：不收费\n好的。办"甲事项"要准备的材料/)
    // Clear: at once, before the walk's intro.
    answers.set('甲多久能办好', [{ item: A, score: 0.9 }])
    expect(run('甲多久能办好').replies.join('\n')).toMatch(/^多久办好：即办（当场办结）\n好的。办"甲事项"要准备的材料/)
    // What is paid out is not a fee: only the amount is answered.
    const amount = run('甲一个月能领多少钱').replies.join('\n')
    expect(amount).toContain('能领多少：')
    expect(amount).not.toContain('收不收费')
    // An item that pays nothing out (a certificate) has no amount: 多少钱 there asks the fee.
    const certificate = { ...A, type: '行政确认' }
    const certificateCtx = { ...ctx, catalog: { ...catalog, byId: new Map([[A.id, certificate]]) } }
    answers.set('甲能领多少钱', [{ item: certificate, score: 0.9 }])
    const fee = step(defs, certificateCtx, undefined, input('甲能领多少钱'), 1_000).replies.join('\n')
    expect(fee).toContain('收不收费：不收费')
    expect(fee).not.toContain('能领多少')
    // A plain question gets the walk alone.
    expect(run('甲').replies[0]).toMatch(/^好的。办"甲事项"/)
  })

  it('leaves the sample catalogue’s notes to admins (（样例，请核实）) out of what residents read', () => {
    const sample = item('s', '样本事项', [{ name: '申请表', whereToGet: '到窗口领取（样例，请核实）' }], {
      fee: '不收费（样例，未见官方说法）',
      online: { note: '可在"爱山东"APP 办理（入口见首页，样例，请核实入口）' },
    })
    const withSample = { ...ctx, catalog: { ...catalog, items: [sample], byId: new Map([[sample.id, sample]]) } }
    answers.set('样本', [{ item: sample, score: 0.9 }])
    let session: DialogSession | undefined
    const replies: string[] = []
    for (const text of ['样本', '2']) {
      const result = step(defs, withSample, session, input(text), 1_000)
      session = result.session
      replies.push(...result.replies)
    }
    const all = replies.join('\n')
    expect(all).toContain('收费：不收费\n')
    expect(all).toContain('缺了怎么办：到窗口领取\n')
    expect(all).toContain('可在"爱山东"APP 办理（入口见首页）')
    expect(all).not.toContain('样例')
  })

  describe('长者模式', () => {
    const withElder = (text: string, elder?: boolean): StepInput => ({ ...input(text), ...(elder !== undefined && { elder }) })
    /** Runs texts from a fresh session; `elder` goes with the first message only, as the web page sends it. */
    function talk(texts: string[], elder?: boolean) {
      let session: DialogSession | undefined
      let result = step(defs, ctx, undefined, withElder(texts[0]!, elder), 1_000)
      session = result.session
      for (const [i, text] of texts.slice(1).entries()) {
        result = step(defs, ctx, session, input(text), 2_000 + i)
        session = result.session
      }
      return result
    }

    it('uses the plainer words of messages.yaml’s elder section for the walk, the options and the checklist', () => {
      const standard = talk(['甲'])
      const plain = talk(['甲'], true)
      expect(standard.replies.join('\n')).toContain('是否已准备好：身份证（原件1份）？')
      expect(plain.replies.join('\n')).toContain('您有身份证吗？（要原件1份）')
      // flow.yaml's own texts too, where a state has elder ones.
      expect(plain.replies.join('\n')).toContain('要带的东西，我一样一样问您。')
      expect(standard.replies.join('\n')).toContain('我们一项一项核对')
      expect(plain.replies.join('\n')).toContain('请回数字：1 有，2 没有')
      const list = talk(['甲', '2', '1'], true).replies.join('\n')
      // What is missing, at a glance under the title, before the long list.
      expect(list).toMatch(/^【甲事项：要带什么、去哪办】\n还缺 1 样：\n· 身份证\n/)
      expect(talk(['甲', '2', '1']).replies.join('\n')).not.toContain('还缺 1 样')
      expect(list).toContain('还缺：身份证（原件1份）\n   去哪开：到户籍地派出所补办')
      expect(list).toContain('有了：户口簿')
      // Lines the elder section blanks are left out; the rest in its own words too.
      expect(list).not.toMatch(/法定时限|网上也能办|✓|✗/)
      expect(list).toContain('要不要钱：不收费')
    })

    it('lists materials never checked by name only, says how to ask where to get one, and answers that', () => {
      const list = talk(['甲', '全部列出'], true).replies.join('\n')
      expect(list).toContain('请看看有没有：身份证（原件1份）')
      expect(list).not.toContain('到户籍地派出所补办')
      expect(list).toContain('哪样没有，就问我"身份证去哪开"，我告诉您。')
      expect(talk(['甲', '全部列出']).replies.join('\n')).not.toContain('哪样没有')
      const answer = talk(['甲', '全部列出', '身份证去哪开'], true).replies.join('\n')
      expect(answer).toContain('到户籍地派出所补办')
    })

    it('asks a situation question in the catalogue’s plainer words (长者提问) where it has them', () => {
      const plainer = { ...B, questions: [{ ...B.questions[0]!, elderPrompt: '是不是让别人替您办？' }] }
      const withPlainer = { ...ctx, catalog: { ...catalog, byId: new Map([[A.id, A], [B.id, plainer]]) } }
      answers.set('乙', [{ item: plainer, score: 0.9 }])
      const ask = (elder: boolean) => {
        const session = step(defs, withPlainer, undefined, withElder('乙', elder), 1_000).session
        return step(defs, withPlainer, session, input('1'), 3_000).replies.join('\n')
      }
      expect(ask(true)).toContain('是不是让别人替您办？')
      expect(ask(false)).toContain('是不是委托别人办？')
    })

    it('is switched on and off by words in any chat, kept across 返回 and 重新开始, and re-asks the question', () => {
      // Asked 对吗 (sure but not clear) and confirmed, so that 返回 goes back to the 对吗 step.
      const on = talk(['甲吧', '1', '长者模式'])
      expect(on.replies[0]).toContain('换成长者模式')
      expect(on.replies[1]).toContain('您有身份证吗？')
      expect(on.session.elder).toBe(true)
      expect(talk(['甲吧', '1', '长者模式', '返回']).replies.join('\n')).toContain('请回数字：1 对，2 不对')
      const restarted = talk(['甲吧', '1', '长者模式', '重新开始', '甲吧'])
      expect(restarted.session.elder).toBe(true)
      expect(restarted.replies.join('\n')).toContain('请回数字')
      const off = talk(['甲吧', '1', '长者模式', '普通模式'])
      expect(off.replies[1]).toContain('是否已准备好：身份证')
      expect(off.session).not.toHaveProperty('elder')
    })

    it('follows the channel’s switch when it sends one, the resident’s own choice when it does not', () => {
      const session = talk(['长者模式']).session
      // Sure but not clear: the 对吗 step shows which words are used.
      const standard = step(defs, ctx, session, withElder('甲吧', false), 3_000)
      expect(standard.replies.join('\n')).toContain('回复 1 对，2 不对')
      expect(standard.session).not.toHaveProperty('elder')
      expect(step(defs, ctx, session, input('甲吧'), 3_000).replies.join('\n')).toContain('请回数字：1 对，2 不对')
    })
  })
})
