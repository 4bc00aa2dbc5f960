/**
 * What a step says to a reply it cannot use: a number it does not offer, a reply not understood (and, the third
 * time in a row, a way out), or free text that may still be a greeting, a question about the item or a new question.
 */
import { SURE_SCORE } from '../match/decide.js'
import { aboutItemAtHand, askMatcher, offerSwitch } from './actions.js'
import { ASKS } from './story.js'
import { countyCentre } from './checklist.js'
import { alreadyDone } from './already-done.js'
import { heardAfterWalk, noteAfterWalk } from './out-of-turn.js'
import { placeReply } from './places.js'
import { currentWalkStep, fullPrompt, reprompt, shortPrompt, stateFields, takesPlaces } from './prompts.js'
import { remarkOnAsked } from './asked-remark.js'
import { requestedThing } from './service-request.js'
import { aspectReply, awayReply, otherItemAspectAsked, countReply, materialsAskedWhere, materialWhereReply, needReply, placesReply, stepsReply, whereDoneReply } from './questions-back.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import type { Reading } from './text.js'
import { say, stateOf, type Turn } from './turn.js'

/** A number the step does not offer: said so, with the step's options again. */
export function noSuchNumber(t: Turn): false {
  t.noSuchNumber = true
  return misunderstood(t, stateOf(t), reprompt(t, undefined, t.defs.messages.say.noSuchNumber))
}

/** Questions shorter than this mid-walk (咋办, 啥意思) are about the walk, not a question of their own. */
const MIN_OUT_OF_CATALOGUE = 5

/** 这个能代替吗, 这个要怎么弄啊: pointing at what the walk asks, not a question of its own. */
const POINTS = /[这那它]/u

/**
 * Words of a question about how the item at hand is done (需要本人到场吗, 能让别人代领吗, 能不能邮寄过去, 下午能去办吗,
 * 我没有房子可以吗) rather than about something else: what is left without them must still name a thing.
 * Kept in code, not in vocabulary.yaml: these are grammar and function words (能, 要, 吗, 什么, 时候, 一下) that any
 * question is made of, not the county's or residents' own words for a thing; a county has nothing to add here, and a
 * word taken out by mistake (吗, 的) would send every short question mid-walk to 这里办不了.
 */
const ABOUT_HOW = /本人|亲自|到场|别人|代领|领取|代办|邮寄|寄过去|代替|上午|下午|中午|早上|晚上|周末|今天|明天|后天|可以|行不行|能不能|不能|需要|过去|办理|我们|你们|俺们|咱们|没有|什么|怎么|时候|时间|房子|孩子|老人|一下|一趟|[能要得去来办我俺咱有吗呢啊吧嘛呀了的啥咋用让跟和还也就都行几钱人家地替寄]/gu
/** Papers (户口本, 证明, 照片): a question naming one is about the walk's materials, not out of the catalogue. */
const PAPER = /[证本照卡表书]/u

/** Whether, without the words of how-to questions, the text still names something (二手摩托车, 天气). */
function namesAThing(plain: string): boolean {
  return !PAPER.test(plain) && plain.replace(ABOUT_HOW, '').replace(/[^\p{Script=Han}]/gu, '').length >= 2
}

/**
 * At the offer to switch to another item (flow.switch, the item on offer in DialogData.switchTo): runs `ask` as if
 * that item were the one at hand, then puts the session back. `ask` must only read the session (it answers a
 * question about the item and asks the pending question again). False when not at the offer, or `ask` answered nothing.
 */
function forItemOnOffer(t: Turn, ask: () => boolean): boolean {
  const offered = t.s.switchTo === undefined ? undefined : t.ctx.catalog.byId.get(t.s.switchTo)
  if (t.s.state !== t.defs.flow.switch || offered === undefined) return false
  const atHand = t.s
  // The answers given so far are the walked item's: none of them says anything of the item on offer.
  t.s = { ...atHand, itemId: offered.id, itemName: offered.name, answers: {}, ready: {} }
  const before = t.replies.length
  let answered: boolean
  try {
    answered = ask()
  } finally {
    t.s = atHand
  }
  // 到现场：最多跑 2 次 names no item: which one it is about, said first.
  const reply = t.replies[before]
  if (answered && reply !== undefined && !reply.includes(offered.name)) {
    t.replies[before] = `${render(t.defs.messages.walk.aboutOffered, { 'item.name': offered.name })}\n${reply}`
  }
  return answered
}

/** Replies in a row a step may not understand before it offers a way out instead of its question once more. */
const MAX_MISSES = 3

/**
 * A reply the step cannot use: say `again` (its question once more). The third time in a row, a way out instead
 * (人工, the county centre's phone, 12345, and 帮助 to see the question again): residents who cannot find the
 * answer we expect were asked the same question nine times. Counted only where a question is pending: a step
 * that takes new questions (welcome, 没找到) asked nothing to fail at. The next miss asks again, as before.
 */
export function misunderstood(t: Turn, state: DialogState | undefined, ...again: string[]): false {
  if (state !== undefined && !('match' in state && state.match)) {
    t.missed = true
    const misses = (t.s.misses ?? 0) + 1
    t.s.misses = misses
    if (misses >= MAX_MISSES) {
      delete t.s.misses
      const centre = countyCentre(t.ctx.catalog)
      say(t, render(t.defs.messages.say.stuck, stateFields(t, { 'centre.name': centre?.name ?? '', 'centre.phone': centre?.phone ?? '' })))
      return false
    }
  }
  for (const text of again) say(t, text)
  return false
}

/** Text the state has no option for: a question (where the state takes them), a greeting, or a re-prompt. */
export function freeText(t: Turn, state: DialogState, r: Reading): boolean {
  const say_ = t.defs.messages.say
  // 再见, 没事了 where a new question is awaited (after the checklist, 办完了): goodbye, not 没找到"再见".
  // Mid-way, the question still waits for whenever the resident comes back.
  // 好了 谢谢, 好的 不用了 (ending words, no goodbye word) are a goodbye only where no question waits: at the 代办
  // summary, a walk step or a form step the question is asked again (the summary neither closes nor submits).
  const waits = !('match' in state && state.match)
  if (r.farewell && r.closingOnly && waits) {
    if (r.thanks) say(t, `${render(say_.thanksPending, {})}\n${shortPrompt(t, state)}`)
    else say(t, reprompt(t, state))
    return false
  }
  if (r.farewell) {
    say(t, render(say_.farewell, {}))
    return false
  }
  // A number, or 好的 / 没有 / 确认 where no option means yes, no or confirm, is an answer to something else:
  // not a question (after a submission, 确认 again just hears that there is nothing left to confirm).
  if (r.number !== undefined || r.yes || r.no || r.ack) return misunderstood(t, state, reprompt(t, state))
  if (r.greeting) {
    const greeting = render(say_.greeting, {})
    const prompt = shortPrompt(t, state)
    // The welcome already says 您好: not twice; and 问别的事, 我要办事 are no greeting to return.
    const hello = t.vocab.greetings.has(r.full) || t.vocab.greetings.has(r.plain)
    if (hello && !prompt.startsWith(greeting.replace(/[！!。.，,]+$/u, ''))) say(t, greeting)
    say(t, prompt)
    return false
  }
  if (r.thanks) {
    // Mid-way (a material, a name, a town), the question still waits: 不客气 and the question, not 还有别的事.
    if ('match' in state && state.match) say(t, render(say_.thanks, {}))
    else say(t, `${render(say_.thanksPending, {})}\n${shortPrompt(t, state)}`)
    return false
  }
  // 我不懂, 看不懂 where no question is asked about a thing (not in the walk): how to use this, and the step again.
  if (r.asksWhat && (r.asksWhatOf ?? '').replace(/^[我俺咱]们?[也还真]?/, '') === '') {
    say(t, render(say_.help, {}))
    say(t, shortPrompt(t, state))
    return false
  }
  // "大店镇" after the checklist: where that town takes the item, not a question for the matcher.
  if (placeReply(t, state, r)) return false
  // "户口本没有咋办" after the checklist: where to get that material (the elder checklist leaves it to be asked). Where
  // the question also says it is missing (户口本丢了咋整, 没有咋办), that is noted first, as 户口本丢了 alone is: the
  // list counts it as missing from now on (照片在哪拍 notes nothing).
  const askedWhere = materialsAskedWhere(t, state, r)
  if (askedWhere.length > 0) {
    const noted = noteAfterWalk(t, r)
    materialWhereReply(t, state, askedWhere)
    // Noted, it moved the dialog: 返回 undoes it, as it undoes 户口本丢了.
    return noted
  }
  // "要带户口本不" after the checklist, as during the walk: whether that material is needed in this case.
  if (takesPlaces(state) && needReply(t, state, r)) return false
  // "身份证找着了" after the checklist, as during the walk: the answer changed (not a question about 身份证).
  if (takesPlaces(state) && heardAfterWalk(t, state, r)) return true
  // 流程是啥, 多少钱 at the offer to switch (您是想问"办理残疾人证"吗？): about the item on offer, answered for it (the
  // reply names it), then the offer again. One naming the item at hand (低保流程是啥) falls through to be answered for it.
  const aboutItem = () =>
    stepsReply(t, state, r) || aspectReply(t, state, r) || placesReply(t, state, r) || awayReply(t, state, r) || countReply(t, state, r) || whereDoneReply(t, state, r)
  if (forItemOnOffer(t, aboutItem)) return false
  // 流程是啥, 要跑几趟 after the checklist or mid-form: the item's steps or visits, then the same question again.
  if (stepsReply(t, state, r)) return false
  // "要钱不", "多久能办好" in the middle: answered for the item at hand, then the same question again.
  if (aspectReply(t, state, r)) return false
  // "在哪办" in the middle (a name, a town asked): where to apply, then the same question again.
  if (placesReply(t, state, r)) return false
  // 俺在外地打工能在外地补不: what the item says of applying away from home (异地办理的，到居住地派出所).
  if (awayReply(t, state, r)) return false
  // 照片要几张, 去哪个医院评: how many of a material, where a step is done, from the item's own text.
  if (countReply(t, state, r) || whereDoneReply(t, state, r)) return false
  const match = state.kind === 'menu' || state.kind === 'chooseItem' ? state.match : undefined
  // 不知道 where a new question is awaited (after the checklist, 自己办理): nothing to look up; looked up, it found
  // nothing and let go of the item at hand, so 多少钱 next had no item to answer for. How to use this, and the step.
  if (match && r.unsure) {
    say(t, render(say_.help, {}))
    say(t, shortPrompt(t, state))
    return false
  }
  if (match) {
    askMatcher(t, r.raw, match)
    return true
  }
  const unsure = state.kind === 'menu' ? state.unsure : undefined
  if (state.kind === 'materials') {
    // 房子已经过户了 in the 不动产转移登记 walk: the item is done, so its materials are not what is needed.
    const done = alreadyDone(t, state, r)
    if (done !== undefined) return done
    // 他下不了床 咋拍照 at the photo: about the step asked, not a new question (the matcher is sure of 经济困难老年人补贴).
    const step = currentWalkStep(t)
    const remark = step === undefined ? undefined : remarkOnAsked(t, state, step, r)
    if (remark !== undefined) return remark
  }
  if (offerSwitch(t, r.raw, unsure)) return true
  // A question mid-walk the matcher finds a few close items for: offered, with the walk to come back to. Only a
  // question or a request (俺想申请城乡居民养老保险; 房子还没过户 tells), and only likely finds: a walk reply is
  // mostly an answer.
  const asking = ASKS.test(r.plain) || requestedThing(r) !== undefined
  if (state.kind === 'materials' && asking && offerSwitch(t, r.raw, state.unsure, SURE_SCORE)) return true
  // 俺爹够不够低保条件: whether one qualifies for another item (not answered with this one's rules), offered by what
  // it names besides the asking.
  const otherAsked = state.kind === 'materials' ? otherItemAspectAsked(t, r) : undefined
  if (state.kind === 'materials' && otherAsked !== undefined && offerSwitch(t, otherAsked, state.unsure)) return true
  // 低保怎么申请 at the 低保 checklist or walk: the item at hand asked about again; not 没看明白, it is this one.
  if ((state.kind === 'materials' || takesPlaces(state)) && aboutItemAtHand(t, r.raw)) {
    const listed = state.kind !== 'materials'
    say(t, render(listed ? say_.sameItemListed : say_.sameItem, stateFields(t)))
    say(t, listed ? shortPrompt(t, state) : fullPrompt(t, state))
    return false
  }
  // 二手摩托车咋过户 mid-walk: a question or request the matcher finds nothing (likely) for. As at the start (no_match):
  // said plainly that it is not handled here, with 12345 and 人工, and recorded for admins (未答问题); then the
  // pending question again. Not counted as not understood.
  if (state.kind === 'materials' && asking && r.plain.length >= MIN_OUT_OF_CATALOGUE && !POINTS.test(r.plain) && namesAThing(r.plain)) {
    const results = t.ctx.matcher.match(r.raw)
    t.effects.push({ type: 'unmatched', text: r.raw, candidates: results.map((m) => ({ id: m.item.id, name: m.item.name, score: m.score })) })
    say(t, render(t.defs.messages.walk.outOfCatalogue, stateFields(t, { asked: r.raw.trim() })))
    say(t, fullPrompt(t, state))
    return false
  }
  // Mid-walk, a sentence that is neither an answer nor a question we could place (今天天气咋样): say so, and that
  // another question is welcome, as where the flow names an unsure state.
  if (unsure !== undefined || (state.kind === 'materials' && r.plain.length >= 4)) {
    // Neither an answer nor a question we could place: say so, and that a question is welcome here.
    // The material's own question again (its re-prompt would say 没看明白 a second time).
    return misunderstood(t, state, render(say_.notUnderstood, {}), render(say_.askOther, { prompt: state.kind === 'materials' ? fullPrompt(t, state) : reprompt(t, state) }))
  }
  return misunderstood(t, state, reprompt(t, state))
}
