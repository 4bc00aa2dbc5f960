/**
 * A reply during the materials walk: 有 / 没有 (in numbers, words or with the material named) to a material, an
 * option to a situation question, or something else the walk still makes sense of (several numbers in a row, 不对
 * to an item found unasked, 不知道, 好的, answers out of turn, questions back). The walk's last answer ends it.
 */
import type { CatalogItem, Material, Question } from '../catalog/types.js'
import { aboutItemAtHand, offerItem, offerSwitch } from './actions.js'
import { freeText, misunderstood, noSuchNumber } from './ask-again.js'
import { formOfNoPaper, formReply, formSatisfies, formText, formVerdict, wantsOriginal } from './material-form.js'
import { materialAnswer, mayName } from './material-words.js'
import { lostThingAsked, materialStatuses, noticesFor, presumedIn } from './materials.js'
import { go } from './navigate.js'
import { heardElsewhere, takeHeard, type Heard } from './out-of-turn.js'
import { questionOpen, stepMaterial, type WalkStep } from './materials.js'
import { pickIndex } from './pick.js'
import { ASKS, story, takeTelling } from './story.js'
import { currentWalkStep, fullPrompt, renderOptions, walkLabels } from './prompts.js'
import { explain, itemMaterialFields, needReply, placesReply, stepsReply, whereAskedMaterial } from './questions-back.js'
import type { DialogState } from './schema.js'
import { itemFields } from './fields.js'
import { ageAnswer, ageSaid, correctedText, deniedKindAnswer, deniedOption, kindDenied, kindSaid, kindStated, optionSaid, saidAfterDenial, unsureAnswer } from './situation-answers.js'
import { render } from './template.js'
import { comparable, comparableFixed, NEGATION, read, SEVERAL_NUMBERS, type CompiledVocabulary, type Reading } from './text.js'
import { clearItem, currentItem, noticeText, say, stateOf, type Turn } from './turn.js'
import { alternativeHeld, otherPaperWillDo } from './either-one.js'
import { aboutStepAsked, clausesAnswer, materialAsked } from './asked-remark.js'
import { itemTurnedDown, leaveWrongItem, offerAlternatives, restatedQuestion, saysWrongItem } from './wrong-item.js'
import { barePaperItem, namesPaper, othersMatterAsked, paperAlone, requestAway, surelyOther } from './service-request.js'
import { denialAndRest } from './denial.js'

/** A reply at the walk's current step. `ask`: whether to ask the next question (false while 1 2 1 answers several in turn). */
export function walk(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, r: Reading, ask = true): boolean {
  const step = currentWalkStep(t)
  if (!step) {
    go(t, state.done)
    return true
  }
  // 1 2 1: the first number answers this question, the next the question after it, and so on; only the question
  // where they end (or one a number does not fit, with 没有这个编号) is shown.
  if (SEVERAL_NUMBERS.test(r.raw)) {
    const numbers = r.raw.split(/[\s,，、。;；]+/)
    let moved = false
    for (const [k, n] of numbers.entries()) {
      if (stateOf(t) !== state) break
      if (!walk(t, state, read(n, t.vocab), k === numbers.length - 1)) break
      moved = true
    }
    return moved
  }
  // 不对 as the first reply to a walk a clear find began unasked: the item is wrong, not the material. The other
  // items found for the question are offered, when there were any.
  if (t.s.unconfirmed && state.wrongItem !== undefined && (t.vocab.wrongItem.has(r.plain) || t.vocab.wrongItem.has(r.full))) {
    if (offerAlternatives(t, state.wrongItem)) return true
    clearItem(t)
    go(t, state.wrongItem)
    return true
  }
  // 不是这个, 俺问的不是这个, 不对 不是这个事 later on (or after 对吗): the item is wrong, as above; a bare 不对 is 没有.
  if (state.wrongItem !== undefined && saysWrongItem(t, r)) return leaveWrongItem(t, state.wrongItem)
  // 不是低保 是医保, 俺不是问这个，俺要办居住证: the item turned down is not chosen (nor 低保备案表 read as 没有); what is
  // wanted is the question: asked afresh when the walk's item is the one turned down, else offered with the walk kept.
  const turned = state.wrongItem !== undefined ? itemTurnedDown(t, step, r) : undefined
  if (turned !== undefined) {
    t.turnedDown = turned.denied
    if (turned.atHand) return leaveWrongItem(t, state.wrongItem!, turned.wanted)
    return offerSwitch(t, turned.wanted, state.unsure) || freeText(t, state, read(turned.wanted, t.vocab))
  }
  // 不是居住证 是暂住证 in the 居住证 walk: the item at hand named twice, in other words; nothing answered (it recorded
  // 原居住证 没有). Said to be this item, then the same question.
  if (state.wrongItem !== undefined && namesItemTwice(t, step, r)) {
    say(t, render(t.defs.messages.say.sameItem, itemFields(currentItem(t)!, t.defs.messages)))
    say(t, fullPrompt(t, state))
    return false
  }
  // 对 right after the intro's 问的不是这件事，请回复"不对": the item is right. Taken for 有 it marked the first
  // material ready unasked; asked again instead.
  // At a yes/no question (是不是遇上了急事？) 对 is its 是.
  const yesNoAsked = step.kind === 'question' && yesNoOption(step.question, 'yes', t.vocab) !== undefined
  if (t.s.unconfirmed && !yesNoAsked && (t.vocab.rightItem.has(r.plain) || t.vocab.rightItem.has(r.full))) {
    t.s.unconfirmed = undefined
    say(t, render(step.kind === 'material' ? t.defs.messages.walk.itemConfirmedMaterial : t.defs.messages.walk.itemConfirmed, {}))
    say(t, fullPrompt(t, state))
    return false
  }
  // 都有, 都准备好了 at a material: every material still to ask is there, not only this one.
  // 都有 to 夫妻双方居民身份证 says both have one: that material's 有, read below.
  if (
    step.kind === 'material' &&
    saysAllReady(t, r) &&
    !namesSeveralPeople(step.material.name, t.vocab) &&
    allReady(t)
  ) {
    if (!currentWalkStep(t)) go(t, state.done)
    else if (ask) say(t, fullPrompt(t, state))
    return true
  }
  // 俺户口本去年搬家弄丢了 不知道咋补 你看咋弄: a story telling and asking; each part taken as the walk would.
  const told = story(t, state, r, (t, state, r) => walk(t, state, r))
  if (told !== undefined) return told
  const labels = walkLabels(t, step)
  let i = pickIndex(r, labels)
  // 这个去哪开 is about the material asked; 户口本去哪补, 房东不给租房合同咋办 may be about another of this item's
  // materials, at a material or a situation question alike. Where to get it is what the checklist would say later;
  // said now, then the same question again (the resident asked, they did not answer). Unless the asking tells it is
  // not there (户口本丢了咋整, 没户口本咋办): that is an answer, as 户口本丢了 is (see lostAndAsked).
  // 在哪办, 这事去哪申请: where to apply for the item, not where to get the material asked.
  if (i === undefined && placesReply(t, state, r)) return false
  // 流程是啥, 办理步骤, 要跑几趟: the item's steps or visits (流程是啥 is no 这是啥 about the material asked).
  if (i === undefined && stepsReply(t, state, r)) return false
  const whereRest = i === undefined ? r.asksWhere?.replace(SUPPOSING, '') : undefined
  const askedWhere = whereRest !== undefined ? whereAskedMaterial(t, whereRest, step) : undefined
  if (askedWhere !== undefined) {
    // 身份证丢了咋整 in the 居民身份证 walk begun for a lost one: the item's own matter said again, not a material
    // missing (it recorded 监护人居民身份证和户口簿没有). Nothing recorded; the same question again.
    if (restatesItem(t, r)) {
      say(t, render(t.defs.messages.say.sameItem, itemFields(currentItem(t)!, t.defs.messages)))
      say(t, fullPrompt(t, state))
      return false
    }
    if (whereRest !== r.asksWhere || !lostAndAsked(t, r, askedWhere)) {
      say(t, render(t.defs.messages.walk.whereToGet, whereFields(t, askedWhere, r)))
      say(t, fullPrompt(t, state))
      return false
    }
    return lostWhere(t, state, step, askedWhere, r, ask)
  }
  // 健康证去哪办 at the 食品经营许可 walk: a paper none of the item's materials is (nor another item the matcher is
  // sure of). Not needed here, said so, then the same question: it was 没看明白.
  const paper = whereRest === undefined ? undefined : unlistedPaper(t, whereRest)
  if (paper !== undefined) {
    const away = remarkOrSwitch(t, state, step, r)
    if (away !== undefined) return away
    say(t, render(t.defs.messages.walk.unneeded, { ...itemFields(currentItem(t)!, t.defs.messages), name: paper }))
    say(t, fullPrompt(t, state))
    return false
  }
  // 还想问问残疾证咋办, 想办个残疾人证, 上户口咋办: asking for another matter or thing, not answering (残疾 is a 说法 of
  // 家里有没有残疾或生重病的人？'s 是, and would be heard out of turn at a material question too).
  // 俺孩子上学咋办 at the 居住证 walk: someone else's matter asked about, not the 上学 of 您在这边是…还是上学？.
  const others = i === undefined ? othersMatterAsked(t, r) : undefined
  if (others !== undefined) {
    offerItem(t, r.raw, others)
    return true
  }
  // 残疾证 alone at 家里有没有残疾或生重病的人？: another item's paper asked for, not the 是 its 残疾 says. 不是 是五保:
  // the 不是 sets the matter straight and another item is named after it, not this question's 否.
  const paperItem = i === undefined ? (barePaperItem(t, step, r) ?? itemAfterCorrection(t, step, r)) : undefined
  if (paperItem !== undefined) {
    offerItem(t, r.raw, paperItem)
    return true
  }
  // 医保卡 alone at a material or a situation question: a paper none of the item's materials is, nor one the question
  // names, nor another item the matcher is sure of. Not needed here, said so, then the same question (it was 没看明白).
  const barePaper = i === undefined && !r.yes && !r.no && r.leading === undefined && paperAlone(r.plain) ? unlistedPaper(t, r.plain) : undefined
  if (barePaper !== undefined && !namedByQuestion(step, r.plain)) {
    say(t, render(t.defs.messages.walk.unneeded, { ...itemFields(currentItem(t)!, t.defs.messages), name: barePaper }))
    say(t, fullPrompt(t, state))
    return false
  }
  const requested = i === undefined ? requestAway(t, state, step, r, (answer) => takeTelling(t, state, answer, (t, state, r) => walk(t, state, r))) : undefined
  if (requested !== undefined) return requested
  if (step.kind === 'material') {
    const walkTexts = t.defs.messages.walk
    const item = currentItem(t)!
    const fields = (material: Material) => itemMaterialFields(t, item, material)
    if (i === undefined && r.asksWhat) return explain(t, state, step, r)
    // 不是身份证 是户口本 at the 身份证: which paper the resident meant, set straight; neither is said to be missing (it
    // recorded both 没有). Nothing recorded; the one asked first.
    if (i === undefined && otherPaperMeant(t, step.material, r)) {
      say(t, render(walkTexts.otherThing, { ...fields(step.material), options: renderOptions(t, walkLabels(t, step)) }))
      return false
    }
    // 要带原件吗, 原件还是复印件, 是原件: which form is wanted, not whether it is there; said, then asked again. 有复印件
    // where a 复印件 is wanted is the answer 有, 没有原件 where the 原件 is wanted 没有 (formVerdict).
    const form = i === undefined ? formReply(t, step, r) : undefined
    if (form !== undefined) {
      const verdict = formVerdict(form.material, form)
      if (form.asking && r.leading === 'yes') {
        // 有，要原件吗 / 有的 原件还是复印件: the 有 said first is taken, as a story's is (有的 在柜子里 要带原件吗), and
        // the form said before the next question. (不是，要原件吗 may set the question straight: not taken for 没有.)
        say(t, formText(t, form.material))
        i = 0
      } else if (verdict === undefined) return formAnswered(t, state, form.material)
      else if (form.material !== step.material) return answerable(t, form.material) ? formTold(t, state, form.material, verdict) : formAnswered(t, state, form.material)
      else {
        // (原件过期了: the expiry and where to renew it are said below instead.)
        if (verdict === 'missing' && wantsOriginal(step.material) && !EXPIRED.test(r.plain)) say(t, render(walkTexts.originalMissing, fields(step.material)))
        // 原件在俺儿那 where 原件和复印件 are wanted: there, and the copy still to make is said.
        if (verdict === 'ready' && !formSatisfies(step.material, form.had)) say(t, formText(t, step.material))
        i = verdict === 'ready' ? 0 : 1
      }
    }
    // 要带户口本不: a question back about a material, not an answer.
    if (i === undefined && needReply(t, state, r)) return false
    // 俺娘不是低保户: said of a kind of person, not of this material (nor 没有 of a material named like the kind).
    const denied = i === undefined ? kindDenied(r) : undefined
    if (denied !== undefined) return deniedKind(t, state, step, denied)
    // 俺孩子才八岁: an age, which a question further on may turn on (是不是未满 16 周岁的孩子？).
    if (i === undefined && agedLater(t, state, step, r)) return true
    // 户口本也有 while 身份证 is asked, 身份证有户口本没有: answers to materials further on are taken; the one asked
    // is answered only by its own words (or a 有 / 没有 said first), else asked again.
    const heard = i === undefined ? heardElsewhere(t, item, step, r) : undefined
    // 照片要红底还是白底 while the 身份证 is asked: a question about the photo, not its 有.
    if (heard !== undefined && askedOfMaterial(t, state, step, heard, r)) return false
    // 照片要多大的, 要彩色的还是黑白的: which kind of a material (the one asked when none is named).
    if (i === undefined && heard === undefined && kindAsked(t, state, step, r)) return false
    if (heard !== undefined) {
      // 有，户口本也有: the 有 said first answers the one asked; 不对，身份证没有 corrects another, it answers nothing.
      const leading = r.leading === undefined || setsStraight(t, r) ? undefined : r.leading
      i = heard.current ?? (leading === undefined ? undefined : leading === 'yes' ? 0 : 1)
      takeHeard(t, item, heard, step.material)
      if (i === undefined) {
        say(t, fullPrompt(t, state))
        return recordsSomething(heard)
      }
    }
    if (i === undefined && r.unsure) {
      // Not sure counts as not ready: the checklist then says where to get it, which is what the resident needs.
      say(t, render(walkTexts.unsure, fields(step.material)))
      i = 1
    }
    // 好的 agrees, it does not say the material is there: asked again rather than ticked.
    const agrees = t.vocab.agreeOnly.has(r.plain) || t.vocab.agreeOnly.has(r.full)
    // Not 没看明白 either: the resident is going along, only the 有 or 没有 is still wanted, for this material.
    if (i === undefined && agrees) {
      const options = renderOptions(t, walkLabels(t, step))
      return misunderstood(t, state, render(walkTexts.agreeOnly, { ...fields(step.material), options }))
    }
    if (i === undefined && ((r.yes && !agrees) || r.no)) i = r.yes ? 0 : 1
    // 不要, 不用 at a material: a no, but it may mean "not needed" as well as "not there". 没有 is recorded, said so
    // (the checklist says where to get it and when it is needed), with 返回 to change it.
    if ((i === 1 || i === undefined) && REFUSED.test(r.plain)) {
      say(t, render(walkTexts.refusedMissing, fields(step.material)))
      i = 1
    }
    // 不是，我是给我爹办: a correction or an explanation, not 没有 (another item named is still offered, as always).
    // 不对 俺是卖饲料的: not this item at all; what they do is the question.
    const restated = i === undefined && state.wrongItem !== undefined ? restatedQuestion(t, r) : undefined
    if (restated !== undefined) return leaveWrongItem(t, state.wrongItem!, restated)
    if (i === undefined && correctsQuestion(t, r)) {
      const away = remarkOrSwitch(t, state, step, r)
      if (away !== undefined) return away
      return misunderstood(t, state, render(walkTexts.correction, fields(step.material)), fullPrompt(t, state))
    }
    if (i === undefined && r.leading) i = r.leading === 'yes' ? 0 : 1
    // 有身份证, 户口本丢了: the material named with the answer, read as the answer rather than as a new question.
    if (i === undefined) i = materialAnswer(r, step.material.name, t.vocab, t.ctx.catalog.synonyms)
    // 户口本在俺婆婆家 在: the material named in one part, 有 said in another.
    if (i === undefined) i = clausesAnswer(t, r, step.material)
    // 有但是过期了, 这个都过期了: the one asked is out of date (not something else missing): 没有, said below.
    if (i === undefined && heard === undefined && expiredOfAsked(t, step, r)) i = 1
    // 健康证还没办 while another material is asked: not this one's 没有 (another item named is still offered).
    if (i === undefined && saysOtherMissing(t, r)) {
      const away = remarkOrSwitch(t, state, step, r)
      if (away !== undefined) return away
      return misunderstood(t, state, render(walkTexts.otherThing, { ...fields(step.material), options: renderOptions(t, walkLabels(t, step)) }))
    }
    // 俺儿子是残疾人 at 您有残疾人证吗, 俺是户主 at the 户口簿: a fact about someone, not whether the paper is there.
    // Not 这一步只问… (as if what was said did not count): the material asked again, plainly (another item named is
    // still offered).
    if (i === undefined && kindStated(r)) {
      const away = remarkOrSwitch(t, state, step, r)
      if (away !== undefined) return away
      return misunderstood(t, state, render(walkTexts.statedFact, { ...fields(step.material), options: renderOptions(t, walkLabels(t, step)) }))
    }
    if (typeof i !== 'number') return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
    // 身份证倒是有 就是过期了, 有 过期了: there, but of no use until renewed: 没有, and said so with where to renew it
    // (a lost one's 补办 alone said nothing of it). Not 快过期了 (still good), nor of another material named.
    if (heard === undefined && EXPIRED.test(r.plain)) {
      const where = renewalWhere(step.material.whereToGet)
      say(t, render(walkTexts.expired, { ...fields(step.material), ...(where === undefined ? {} : { 'material.whereToGet': where }) }))
      i = 1
    }
    // 身份证快过期了, 有 没有过期, 有 长期的 不会过期: still good, so there (its 过期了 or 没有 read it as 没有), unless
    // the rest says otherwise.
    const notYet = r.plain.replace(STILL_GOOD, '')
    if (heard === undefined && i === 1 && notYet !== r.plain && materialAnswer(read(notYet, t.vocab), step.material.name, t.vocab, t.ctx.catalog.synonyms) !== 1) i = 0
    // 医保卡没有 where any one of 医保电子凭证、有效身份证件或社保卡 will do: the others may be there; asked again.
    // 残疾证没有 有病历 where 残疾人证或住院病历、诊断证明 is asked: one of them is there, so it is.
    if (i === 1 && alternativeHeld(step.material, r.plain, t.ctx.catalog.synonyms)) i = 0
    if (i === 1 && otherPaperWillDo(t, step.material, r.plain)) {
      say(t, fullPrompt(t, state))
      return false
    }
    t.s.ready[step.material.name] = i === 0
    t.s.unconfirmed = undefined
  } else {
    // 都有 at 家里有没有残疾或生重病的人？: said of the materials, as at a material question, not this question's 是
    // (nor 没看明白: how to answer it is said). An option the item words so still is that option.
    if (i === undefined && saysAllReady(t, r) && optionSaid(step.question, r) === undefined) return situationHint(t, state, step.question)
    // 啥叫划拨, 不懂: before any yes/no reading (不懂 is no 否).
    if (i === undefined && r.asksWhat) return explain(t, state, step, r)
    if (i === undefined && needReply(t, state, r)) return false
    // 户口本要原件吗 at a situation question: the form of the material named; 户口本原件丢了 tells of it.
    const form = i === undefined ? formReply(t, step, r) : undefined
    if (form !== undefined) {
      const verdict = formVerdict(form.material, form)
      return verdict === undefined || !answerable(t, form.material) ? formAnswered(t, state, form.material) : formTold(t, state, form.material, verdict)
    }
    // 要原件吗, 这个去哪开 at 老人是低保户还是特困（五保）户？ (no one material it brings in): it asks who someone is,
    // not for a paper; said so, then the question again, not counted as not understood.
    if (i === undefined && (formOfNoPaper(t, step, r) || POINTED.test(whereRest ?? '-'))) {
      say(t, render(t.defs.messages.walk.situationNoPaper, { ...itemFields(currentItem(t)!, t.defs.messages), 'question.prompt': step.question.prompt }))
      say(t, fullPrompt(t, state))
      return false
    }
    // 不对，身份证没有: an earlier material set straight, not 否 to this question; taken, then this one again.
    const straightened = i === undefined && setsStraight(t, r) ? heardElsewhere(t, currentItem(t)!, step, r) : undefined
    if (straightened !== undefined && straightened.materials.length > 0) {
      takeHeard(t, currentItem(t)!, straightened)
      say(t, fullPrompt(t, state))
      return true
    }
    // 有, 在呢, 光荣证在家 at 《独生子女父母光荣证》是不是丢了？: the resident has it, so not lost (否), not the 是 a 有
    // is elsewhere. 是 and 对 still are 是.
    const notLost = lostThingAsked(step.question) !== undefined ? step.question.options.indexOf('否') : -1
    if (i === undefined && notLost >= 0 && (saysHas(t, r) || presumedIn(currentItem(t)!, r.full).get(step.question.id) === '否')) i = notLost
    // 丢了, 找不着了 there: its 是; 没丢 its 否.
    const lost = notLost >= 0 && i === undefined && r.plain.length <= MAX_OTHER_MISSING_REPLY ? LOST_SAID.exec(r.plain) : null
    if (lost !== null && lossOfThingAsked(r.plain, lost, lostThingAsked(step.question)!)) i = NEGATION.test(lost[1]!) ? notLost : 1 - notLost
    // 有 / 没有 at 申请人是不是未满 18 岁的孩子…？ (a 是不是 or …还是… question): it says nothing of which; asked again
    // plainly. Where the question asks 有没有 (or an option is had or not), it is the answer.
    if (i === undefined && saysHaveOrNot(r) && !asksHaving(step.question)) return haveAtChoice(t, state, step.question)
    let answer = typeof i === 'number' ? step.question.options[i] : undefined
    if (answer === undefined && i === undefined) {
      // The option's own words ("否", "外地户口") or a yes/no word for a 是/否 question.
      const said = r.yes ? 'yes' : r.no ? 'no' : r.leading
      const vocab = said === 'yes' ? t.vocab.yes : said === 'no' ? t.vocab.no : undefined
      answer = step.question.options.find((o) => comparableFixed(o) === r.plain || (vocab?.has(comparableFixed(o)) ?? false))
      if (answer === undefined && (r.yes || r.no)) answer = yesNoOption(step.question, r.yes ? 'yes' : 'no', t.vocab)
      // 不是 to 是低保户还是五保户？ (低保户, 特困户, 都不是): the one option that is itself a no, when there is one.
      const none = r.no ? step.question.options.filter((o) => NONE_OPTION.test(comparableFixed(o))) : []
      if (answer === undefined && none.length === 1) answer = none[0]
    }
    // 俺自己去 at 是不是委托别人替您申请？, 俺是本地的 at 夫妻俩是不是都是外省户口？: 否.
    if (answer === undefined && i === undefined) answer = turnedRoundNo(t, step.question, r)
    if (answer === undefined && i === undefined) answer = optionSaid(step.question, r)
    // 俺娘是低保户 at 老人是不是低保…？: the kind named, which a material of one answer proves.
    if (answer === undefined && i === undefined) answer = kindSaid(currentItem(t)!, step.question, r)
    // 不是，我是退休了: what comes after the 不是 is the answer.
    const corrected = i === undefined && answer === undefined ? correctedText(r) : undefined
    const reading: Reading = corrected === undefined ? r : { ...r, plain: corrected, full: corrected, leading: undefined }
    if (corrected !== undefined) answer = optionSaid(step.question, reading)
    // 不是转诊 俺在外地住院了: after the piece that denies one option, the next ones may name the answer.
    if (answer === undefined && i === undefined) answer = saidAfterDenial(step.question, r)
    if (answer === undefined && i === undefined) {
      // 不是异地, 不是本地的: of two options the other one; of more, which one is still to ask.
      const denied = deniedOption(step.question.options, reading, (said) => optionSaid(step.question, { ...reading, plain: said }))
      if (denied?.other !== undefined) answer = denied.other
      else if (denied !== undefined) {
        say(t, render(t.defs.messages.walk.notThat, { option: denied.option }))
        say(t, fullPrompt(t, state))
        return false
      }
    }
    // 孩子才八岁 at 是不是未满 16 周岁的孩子？: 是.
    const age = answer === undefined && i === undefined ? ageSaid(r) : undefined
    if (age !== undefined) answer = ageAnswer(step.question, age, t.vocab.yes, t.vocab.no)
    // 俺爹不是残疾人 at 申请人是不是残疾人？: 否. Not at 是不是低保、特困或者重度残疾老人？ (the others are still open), nor
    // where the question is about something else.
    const denied = answer === undefined && i === undefined ? kindDenied(r) : undefined
    if (denied !== undefined) {
      const bearing = deniedKindAnswer(step.question, denied.kind, t.vocab.yes, t.vocab.no)
      const named = step.question.options.length > 2 ? optionSaid(step.question, { ...r, plain: denied.said }) : undefined
      if (bearing !== undefined && !bearing.partly) answer = bearing.no
      else if (named !== undefined) {
        say(t, render(t.defs.messages.walk.notThat, { option: named }))
        say(t, fullPrompt(t, state))
        return false
      } else return deniedKind(t, state, step, denied)
    }
    // 房子还没定, 还没租好 at a question of several kinds: not settled yet, so as 不知道 (the checklist says which case
    // needs what). Not at a yes/no question, where 还没领 is its 否.
    const undecided = step.question.options.length > 2 && r.plain.length <= MAX_OTHER_MISSING_REPLY && t.vocab.notDecided.some((w) => r.plain.includes(w))
    if (answer === undefined && i === undefined && (r.unsure || undecided)) answer = unsureAnswer(t)
    // 房产证有, 房子已经过户了: no answer to this question, but to others of the walk; taken, then this one again.
    const heard = answer === undefined && i === undefined ? heardElsewhere(t, currentItem(t)!, step, r) : undefined
    if (heard !== undefined && askedOfMaterial(t, state, step, heard, r)) return false
    if (heard !== undefined) {
      takeHeard(t, currentItem(t)!, heard)
      say(t, fullPrompt(t, state))
      return recordsSomething(heard)
    }
    // 不对 俺是卖饲料的 where nothing above read an answer: not this item at all; what they do is the question.
    const restated = answer === undefined && i === undefined && state.wrongItem !== undefined ? restatedQuestion(t, r) : undefined
    if (restated !== undefined) return leaveWrongItem(t, state.wrongItem!, restated)
    if (answer === undefined) return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
    t.s.answers[step.question.id] = answer
    t.s.unconfirmed = undefined
    const item = currentItem(t)
    const notices = item ? noticesFor(item, { questionId: step.question.id, option: answer }) : []
    for (const m of notices) say(t, noticeText(t, item!, m))
  }
  if (!currentWalkStep(t)) go(t, state.done)
  else if (ask) say(t, fullPrompt(t, state))
  return true
}

/** 不要, 不用, 用不着: said to a material, a no that may mean "not needed". */
const REFUSED = /^(?:不要|不用|不需要|用不着|不用带|不带)(?:了|吧|啦)?$/u

/** The thing a where-question is about only pointed at (这个去哪开, 那个证明在哪办): the step's own paper. */
const POINTED = /^(?:这个|那个|这|那|它)?(?:证明|材料|证)?$/u

/** Said to be out of date (过期了, 到期了, 失效了), not about to be (快过期了) nor not (没过期, 没有过期, 不会过期). */
const EXPIRED = /(?<!(?:[没不未快要将]|没有|不会))(?:过期|到期|失效)/

/** What a reply saying a paper is out of date holds besides naming it: 有, 但是, 已经, 早就, 都, 了 … */
const EXPIRED_WORDS = /有的|有|但是|不过|可是|只是|就是|倒是|已经|早就|早|都|也|过期|到期|失效|了|[我俺咱他她]们?的?/gu

/**
 * Whether a reply says the material asked is out of date (有但是过期了, 这个早过期了, 身份证过期了): once the words of
 * having, of contrast and of expiry are taken out, nothing is left but the material asked (or a pointing word).
 */
function expiredOfAsked(t: Turn, step: WalkStep, r: Reading): boolean {
  if (r.plain.length > MAX_OTHER_MISSING_REPLY || !EXPIRED.test(r.plain) || r.plain.replace(STILL_GOOD, '') !== r.plain) return false
  const rest = r.plain.replace(EXPIRED_WORDS, '')
  return whereAskedMaterial(t, rest, step) === stepMaterial(step)
}

/** Where a lost paper is got again (身份证丢了先到户籍地派出所补办): the place, between the loss and the 补办. */
const LOST_THEN_PLACE = /(?:丢了|丢失|遗失|弄丢)[^，,；;。]*?(到[^，,；;。]+?)(?:申请)?(?:补办|补领|补发)/u

/**
 * Where to renew an expired paper, from where to get one that is missing when that speaks of a loss (身份证丢了先到户籍地
 * 派出所补办 → 到户籍地派出所换领): the lost card's 补办 is not what an expired one needs. Undefined when the text says
 * no loss (then it is said as it is).
 */
function renewalWhere(whereToGet: string | undefined): string | undefined {
  const lost = whereToGet === undefined ? null : LOST_THEN_PLACE.exec(whereToGet)
  return lost === null ? undefined : `${lost[1]}换领`
}

/** The fields saying where to get `material`: where to renew it when the reply says it is out of date (身份证过期了去哪换). */
function whereFields(t: Turn, material: Material, r: Reading): Record<string, string | undefined> {
  const fields = itemMaterialFields(t, currentItem(t)!, material)
  const renew = EXPIRED.test(r.plain) ? renewalWhere(material.whereToGet) : undefined
  return renew === undefined ? fields : { ...fields, 'material.whereToGet': renew }
}

/**
 * Still good: about to be out of date (快过期了, 马上到期), or said not to be (没有过期, 还没过期, 不会过期, 未过期, 长期的,
 * 长期有效): its 没有 / 不 is not the answer.
 */
const STILL_GOOD = /(?:快要|快|要|将要|马上就?)(?:过期|到期)了?|(?:还|也|都)?(?:没有|没|未|不会|不)(?:过期|到期|失效)(?:呢|了|的)?|长期(?:有效)?的?/gu

/**
 * 不是身份证 是户口本 at the 身份证: the material asked turned down for another of the item's materials (not a
 * variant of the same one: 不是身份证 是临时身份证 is about it).
 */
function otherPaperMeant(t: Turn, material: Material, r: Reading): boolean {
  const said = denialAndRest(r.raw)
  if (said === undefined || !namesPaper(t, said.denied, material)) return false
  const wanted = comparable(said.wanted)
  if (namesPaper(t, wanted, material)) return false
  return currentItem(t)!.materials.some((m) => m !== material && m.notice !== true && namesPaper(t, wanted, m))
}

/** Longest part (compared form) of 不是X 是Y read as a name for the item: longer parts say more than a name. */
const MAX_ITEM_NAME = 8

/** 不是居住证 是暂住证: both what is denied and what is said instead name the walk's item (a correction of words). */
function namesItemTwice(t: Turn, step: WalkStep, r: Reading): boolean {
  const said = denialAndRest(r.raw)
  const item = currentItem(t)
  if (said === undefined || item === undefined) return false
  const parts = [said.denied, comparable(said.wanted)]
  // 不是转诊 俺在外地住院了: a situation of the walk said, not the item named.
  const situation = (p: string) => presumedIn(item, p).size > 0 || (step.kind === 'question' && optionSaid(step.question, read(p, t.vocab)) !== undefined)
  return parts.every((p) => p.length <= MAX_ITEM_NAME && !situation(p) && aboutItemAtHand(t, p))
}

/**
 * A reply that may be a new question: about the step asked, it is none (a question about the material is answered,
 * see materialAsked; else undefined, and the walk says what it would); otherwise a switch to the item the matcher is
 * sure of. Undefined when neither (the walk reads it on).
 */
function remarkOrSwitch(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): boolean | undefined {
  if (aboutStepAsked(t, step, r)) return materialAsked(t, state, step, r)
  return offerSwitch(t, r.raw) ? true : undefined
}

/** 有, 有的, 在, 在家 (a yes word of 有, or vocabulary.yaml present said alone): the resident has the thing asked about. */
function saysHas(t: Turn, r: Reading): boolean {
  return (r.yes && r.plain.startsWith('有') && !t.vocab.agreeOnly.has(r.plain)) || t.vocab.present.includes(r.plain)
}

/** Longest reply (compared form) read for words turning a yes/no question round (see turnedRoundNo). */
const MAX_TURNED_REPLY = 16

/**
 * The 否 of a yes/no question a reply answers by saying the other way round (vocabulary.yaml turnedRound): 俺自己去,
 * 我自己办 where the question asks about 委托 or 替您; 俺是本地的 他是河北的 where it asks 是不是都是外省户口. Not a
 * reply with a negation in it (不能自己去), nor a long one.
 */
function turnedRoundNo(t: Turn, q: Question, r: Reading): string | undefined {
  if (t.vocab.turnedRound.length === 0 || r.full.length > MAX_TURNED_REPLY || NEGATION.test(r.full)) return undefined
  const no = yesNoOption(q, 'no', t.vocab)
  if (no === undefined) return undefined
  const prompts = [comparableFixed(q.prompt), q.elderPrompt === undefined ? '' : comparableFixed(q.elderPrompt)]
  const turned = t.vocab.turnedRound.some((pair) => pair.asked.some((w) => prompts.some((p) => p.includes(w))) && pair.said.some((w) => r.full.includes(w)))
  return turned ? no : undefined
}

/** A yes or no word of having (有, 有的, 没有, 没, 无, 木有): not 是, 对, 不是. */
const HAVE_WORD = /有|^没|^无|冇|冒得/u

/** Whether a reply is only a word of having or not having (see HAVE_WORD), said alone. */
function saysHaveOrNot(r: Reading): boolean {
  return (r.yes || r.no) && HAVE_WORD.test(r.plain)
}

/** Having in a question's words or options (有没有, 是否有, 有无; an option 有… or 无…): 有 and 没有 answer it. */
const HAVING = /有|无/u

/** Whether a situation question asks whether something is had (家里有没有…？), so that 有 / 没有 answers it. */
function asksHaving(q: Question): boolean {
  return [q.prompt, q.elderPrompt ?? '', ...q.options].some((text) => HAVING.test(text))
}

/**
 * 有 or 没有 at a question asking 是不是 or which (not whether something is had): how to answer, by number, then the
 * question again. Counted as not understood.
 */
function haveAtChoice(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, question: Question): false {
  const choices = question.options.map((o, k) => `${k + 1} ${o}`).join('，')
  return misunderstood(t, state, render(t.defs.messages.walk.haveAtChoice, { choices }), fullPrompt(t, state))
}

/** 都有, 都准备好了 (vocabulary.yaml allReady): every material is there. */
function saysAllReady(t: Turn, r: Reading): boolean {
  return t.vocab.allReady.has(r.plain) || t.vocab.allReady.has(r.full)
}

/**
 * A reply at a situation question that answers the materials instead (都有): how to answer this one (its 是 and 否,
 * or a number), then the question with its options again. Counted as not understood (a third time offers a way out).
 */
function situationHint(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, question: Question): false {
  const walkTexts = t.defs.messages.walk
  const values = { ...itemFields(currentItem(t)!, t.defs.messages), 'question.prompt': question.prompt }
  const yes = yesNoOption(question, 'yes', t.vocab)
  const no = yesNoOption(question, 'no', t.vocab)
  const hint = yes !== undefined && no !== undefined ? render(walkTexts.situationYesNo, { ...values, yes, no }) : render(walkTexts.situationOptions, values)
  return misunderstood(t, state, hint, fullPrompt(t, state))
}

/** Whether a material's name covers several people (夫妻双方, 家庭成员): 都有 said to it answers it alone. */
function namesSeveralPeople(name: string, v: CompiledVocabulary): boolean {
  const compared = comparableFixed(name)
  return v.severalPeople.some((w) => compared.includes(w))
}

/**
 * 都有 said at a material question: the materials still to ask whose case is known (this one among them) recorded
 * 有 and said so, with how many. Recorded rather than confirmed first: the resident said it plainly, every material
 * stays on the checklist with its ✓ to check against, and questions deciding other materials are still asked. False
 * when this one alone is left (then it is the plain 有 it also is).
 */
function allReady(t: Turn): boolean {
  const open = materialStatuses(currentItem(t)!, t.s).filter((s) => s.status === 'unchecked')
  if (open.length < 2) return false
  for (const { material } of open) t.s.ready[material.name] = true
  t.s.unconfirmed = undefined
  say(t, render(t.defs.messages.walk.allReady, { ...itemFields(currentItem(t)!, t.defs.messages), count: String(open.length) }))
  return true
}

/** Asking which or what kind of a thing: A还是B, 多大, 什么颜色, 几寸 (not the 还是 of 户口本还是有的: still). */
const KIND_WORDS = /.还是(?![有没在要不能就])|多[大宽长高]|颜色|[啥么]色|尺寸|几寸/u
/** Asking which or what kind, or a question mark at the end: a question, not a telling. */
const ASKS_WHICH = new RegExp(`${KIND_WORDS.source}|[?？]\\s*$`, 'u')

/**
 * 照片要红底还是白底, 照片是彩色的还是黑白的 (a question naming a material, heard as its 有 for the 要 in it): nothing
 * recorded; what the item says of that material (its name, amount, 解释 and 备注: walk.whatIsIt), then the question
 * asked again. False when the reply asks nothing (see ASKS) or says something is missing or a situation (没有户口本能办吗
 * still tells the 没有).
 */
function askedOfMaterial(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, heard: Heard, r: Reading): boolean {
  if (!(ASKS.test(r.plain) || ASKS_WHICH.test(r.raw))) return false
  if (heard.answers.length > 0 || heard.current === 1 || heard.materials.some(([, ready]) => !ready)) return false
  const material = heard.current === 0 && step.kind === 'material' ? step.material : heard.materials[0]?.[0]
  if (material === undefined) return false
  say(t, render(t.defs.messages.walk.whatIsIt, itemMaterialFields(t, currentItem(t)!, material)))
  say(t, fullPrompt(t, state))
  return true
}

/** What a question asking which kind says besides naming the thing: 要, 是, 的, the asking itself. */
const WHICH_WORDS = /还是.*$|(?:多[大宽长高]|颜色|[啥么]色|尺寸|几寸).*$|[要是的得需]|[我俺咱他她]们?/gu

/**
 * 照片要多大的, 要彩色的还是黑白的 (see KIND_WORDS), naming one of the item's materials or none (then the one asked):
 * what the item says of it (walk.whatIsIt), then the question again. False for other replies.
 */
function kindAsked(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): boolean {
  if (r.plain.length > MAX_KIND_ASKED || !KIND_WORDS.test(r.plain)) return false
  const rest = r.plain.replace(WHICH_WORDS, '')
  const material = whereAskedMaterial(t, rest, step)
  if (material === undefined) return false
  say(t, render(t.defs.messages.walk.whatIsIt, itemMaterialFields(t, currentItem(t)!, material)))
  say(t, fullPrompt(t, state))
  return true
}

/** Longest reply (compared form) read as asking which kind of a material. */
const MAX_KIND_ASKED = 14

/**
 * Whether what a reply was heard to say records an answer: 结婚证在俺对象那 where the item needs no 结婚证 records
 * nothing, so 返回 after it goes back to the question before, not to the same one again.
 */
function recordsSomething(heard: Heard): boolean {
  return heard.materials.length > 0 || heard.answers.length > 0
}

/** A paper's name as residents say it: a few characters ending as papers do (健康证, 医保卡, 收入证明). */
const PAPER = /^\p{Script=Han}{1,6}(?:[证卡本簿照]|证明)$/u

/**
 * The paper a where-to-get question names (its words besides the asking, `rest`) when none of the item's materials is
 * it: no name holds two characters of it, with the catalogue's variants put back (房产证 is a 不动产权证书). When unsure
 * (a name holds its characters in order, apart: 社保卡 in 本人社会保障卡, a shortening) it may be one: undefined, and
 * the walk answers as before (where to get it, or 没看明白), rather than telling the resident not to bring it.
 */
function unlistedPaper(t: Turn, rest: string): string | undefined {
  const paper = rest.replace(/^[我俺咱他她]们?的?/, '')
  if (!PAPER.test(paper)) return undefined
  const listed = currentItem(t)!.materials.some((m) => mayName(paper, m.name, t.ctx.catalog.synonyms) || sameKind(paper, m.name))
  return listed ? undefined : paper
}

/**
 * 一寸照, 证件照 at 近期红底 1 寸彩色照片; 户口本 forms (本地户口本) where the item has a 户口簿: the paper's kind (its last
 * character: 照 for 照片, 本 / 簿 for 户口本) is one the item asks for, so it is not "not needed".
 */
function sameKind(paper: string, material: string): boolean {
  const kind = paper.at(-1)
  if (kind === '照') return material.includes('照')
  if (kind === '本' || kind === '簿') return /户口[本簿]/.test(material) && paper.includes('户口')
  return false
}

/** Whether a situation question's own words hold `said` (结婚证 at 孩子父母领了结婚证吗？). */
function namedByQuestion(step: WalkStep, said: string): boolean {
  if (step.kind !== 'question') return false
  const q = step.question
  return [q.prompt, q.elderPrompt ?? '', ...q.options].some((text) => comparableFixed(text).includes(said))
}

/**
 * Whether a reply is the item at hand asked again with the case already answered (身份证丢了咋整 where 办证类型 is
 * 遗失补领): the matcher finds this item for it, and every situation its words say is the one recorded.
 */
function restatesItem(t: Turn, r: Reading): boolean {
  const item = currentItem(t)!
  const presumed = presumedIn(item, r.plain)
  if (presumed.size === 0 || [...presumed].some(([q, option]) => t.s.answers[q] !== option)) return false
  return aboutItemAtHand(t, r.raw)
}

/** Whether the walk asks about `material` now or may ask (not one this case does not need, nor one filled in at the window). */
function answerable(t: Turn, material: Material): boolean {
  const status = materialStatuses(currentItem(t)!, t.s).find((s) => s.material === material)?.status
  return status === 'unchecked' || status === 'conditional' || status === 'ready' || status === 'missing'
}

/** 要是丢了咋办, 万一没有咋整: asking what if, which tells nothing of the material. */
const SUPPOSING = /^(?:要是|如果|万一|假如|假若|若是)/

/**
 * Whether a where-to-get question also says `material` is not there (户口本丢了咋整, 没户口本咋办, 身份证过期了去哪换,
 * 丢了咋办 of the one asked): what is left once the asking is taken out answers 没有. Only a material the walk asks
 * about now or may ask (not one this case does not need).
 */
function lostAndAsked(t: Turn, r: Reading, material: Material): boolean {
  if (!answerable(t, material)) return false
  // 咋办 first: 丢了咋办 and 没有咋办 are where-to-get phrases that hold the telling.
  let told = r.plain
  for (const w of [...t.vocab.whatToDo, ...[...t.vocab.whereToGet].sort((a, b) => b.length - a.length)]) told = told.split(w).join('')
  // 没这个咋整: the 这个 points at the material asked (whereAskedMaterial found it so).
  told = told.replace(/这个|那个/g, '')
  if (told === '') return false
  const reading = read(told, t.vocab)
  return reading.no || materialAnswer(reading, material.name, t.vocab, t.ctx.catalog.synonyms) === 1
}

/**
 * 户口本丢了咋整 at the 户口簿: 没有, with where to get it, and the walk goes on. Of another material (身份证过期了去哪换
 * while the 户口簿 is asked): that one noted and said back, where to get it, and the same question again.
 */
function lostWhere(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, material: Material, r: Reading, ask: boolean): true {
  const item = currentItem(t)!
  const where = render(t.defs.messages.walk.whereToGet, whereFields(t, material, r))
  if (step.kind !== 'material' || step.material !== material) {
    takeHeard(t, item, { materials: [[material, false]], answers: [] })
    say(t, where)
    say(t, fullPrompt(t, state))
    return true
  }
  t.s.ready[material.name] = false
  t.s.unconfirmed = undefined
  // After the last question the checklist comes, and it says where to get each missing one.
  if (!currentWalkStep(t)) go(t, state.done)
  else {
    say(t, where)
    if (ask) say(t, fullPrompt(t, state))
  }
  return true
}

/**
 * 身份证原件丢了 while another question is asked: that material noted and said back (where the original is wanted, why
 * and where to get it), then the question asked again.
 */
function formTold(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, material: Material, verdict: 'ready' | 'missing'): true {
  const item = currentItem(t)!
  takeHeard(t, item, { materials: [[material, verdict === 'ready']], answers: [] })
  if (verdict === 'missing' && wantsOriginal(material)) say(t, render(t.defs.messages.walk.originalMissing, itemMaterialFields(t, item, material)))
  say(t, fullPrompt(t, state))
  return true
}

/** A question back about a material's form (要带原件吗): the form, then the question asked again; nothing recorded. */
function formAnswered(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, material: Material): false {
  say(t, formText(t, material))
  say(t, fullPrompt(t, state))
  return false
}

/** An age said at a material question that answers a question further on: taken (said so), the material asked again. */
function agedLater(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, r: Reading): boolean {
  const age = ageSaid(r)
  if (age === undefined) return false
  const item = currentItem(t)!
  const answers: [string, string][] = []
  for (const q of item.questions) {
    if (t.s.answers[q.id] !== undefined || (step.kind === 'question' && q === step.question) || questionOpen(item, q, t.s.answers) === false) continue
    const answer = ageAnswer(q, age, t.vocab.yes, t.vocab.no)
    if (answer !== undefined) answers.push([q.id, answer])
  }
  if (answers.length === 0) return false
  takeHeard(t, item, { materials: [], answers })
  say(t, fullPrompt(t, state))
  return true
}

/**
 * 俺娘不是低保户 where it answers nothing asked now: a later yes/no question about that kind alone is answered 否
 * (said, as 有低保证 answers its question); one about the kind among others (低保、特困或者重度残疾) is not, and this
 * question is asked again, saying the others are still open when it is that question.
 */
function deniedKind(t: Turn, state: Extract<DialogState, { kind: 'materials' }>, step: WalkStep, denied: { kind: string; said: string }): boolean {
  const item = currentItem(t)!
  const walkTexts = t.defs.messages.walk
  if (step.kind === 'question') {
    const bearing = deniedKindAnswer(step.question, denied.kind, t.vocab.yes, t.vocab.no)
    if (bearing !== undefined) {
      const fields = { ...itemFields(item, t.defs.messages), kind: denied.said, yes: bearing.yes, no: bearing.no, 'question.prompt': step.question.prompt }
      return misunderstood(t, state, render(walkTexts.kindPartly, fields), fullPrompt(t, state))
    }
  }
  const later = item.questions.filter((q) => t.s.answers[q.id] === undefined && (step.kind !== 'question' || q !== step.question) && questionOpen(item, q, t.s.answers) !== false)
  const answers: [string, string][] = []
  for (const q of later) {
    const bearing = deniedKindAnswer(q, denied.kind, t.vocab.yes, t.vocab.no)
    if (bearing !== undefined && !bearing.partly) answers.push([q.id, bearing.no])
  }
  if (answers.length > 0) {
    takeHeard(t, item, { materials: [], answers })
    say(t, fullPrompt(t, state))
    return true
  }
  if (step.kind === 'material') {
    const options = renderOptions(t, walkLabels(t, step))
    return misunderstood(t, state, render(walkTexts.otherThing, { ...itemMaterialFields(t, item, step.material), options }))
  }
  return misunderstood(t, state, fullPrompt(t, state))
}

/** Who is speaking and what they mean, before what is said after a correction: 俺是, 我说的是, 就是 … */
const SAYING = /^(?:[我俺咱]们?)?(?:说的|问的|要办的|想办的)?(?:就是|其实是|是)?/u

/**
 * The other item named after a correction word said apart (不是 是五保, 不对 特困): what follows, once who is speaking
 * is taken out, the matcher surely finds another item for, and it is no answer of this walk (不是 是重病 is the 是 of
 * 家里有没有残疾或生重病的人？). Undefined otherwise.
 */
function itemAfterCorrection(t: Turn, step: WalkStep, r: Reading): CatalogItem | undefined {
  if (!setsStraight(t, r)) return undefined
  const rest = (r.afterLeading ?? '').replace(SAYING, '')
  if (rest.length < 2) return undefined
  const item = currentItem(t)!
  const reading = read(rest, t.vocab)
  if (reading.yes || reading.no || presumedIn(item, rest).size > 0 || item.questions.some((q) => optionSaid(q, reading) !== undefined)) return undefined
  // 不对，户口本其实没有: a material set straight (heardElsewhere); 不是，俺是开饭店的: the question restated (the item
  // left for it, see restatedQuestion).
  if (heardElsewhere(t, item, step, reading) !== undefined || restatedQuestion(t, r) !== undefined) return undefined
  return surelyOther(t, rest)
}

/** Whether a reply starts with a correction word (vocabulary.yaml corrections: 不对, 不是) said apart from the rest. */
function setsStraight(t: Turn, r: Reading): boolean {
  return r.leading === 'no' && r.leadingWord !== undefined && t.vocab.corrections.has(r.leadingWord) && (r.afterLeading ?? '') !== ''
}

/** An option saying none of the others applies: 都不是, 都没有, 全都不是. */
const NONE_OPTION = /^(?:全|全都|都)(?:不是|没有|不)/

/** A question asking yes or no (是不是…？, 是否…？). */
const ASKS_YES_NO = /是不是|是否/

/**
 * The option a yes or no answers of a yes/no question: its 是 or 否 option; or, where the question asks 是不是 and
 * of its two options one is the other turned round (情况紧急, 不算紧急), the plain one for yes and the turned one for no.
 */
function yesNoOption(q: Question, said: 'yes' | 'no', vocab: CompiledVocabulary): string | undefined {
  const words = said === 'yes' ? vocab.yes : vocab.no
  const own = q.options.find((o) => words.has(comparableFixed(o)))
  if (own !== undefined || q.options.length !== 2 || !ASKS_YES_NO.test(q.prompt)) return own
  const turned = q.options.filter((o) => NEGATION.test(o))
  if (turned.length !== 1) return undefined
  return said === 'no' ? turned[0] : q.options.find((o) => o !== turned[0])
}

/** Said before a loss without naming a thing: 丢了, 真丢了, 俺给弄丢了, 这个找不着了. */
const NO_THING = /^(?:[这那]个|它|[我俺咱他她]们?|真|早|已经|就|都|也|又|给|被|弄|是)*$/u

/**
 * Whether the loss said (LOST_SAID's match in `plain`) is of the thing asked (光荣证丢了, 丢了), not of another paper
 * (结婚证丢了咋补 at 光荣证是不是丢了: a question of its own, read on).
 */
function lossOfThingAsked(plain: string, lost: RegExpExecArray, thing: string): boolean {
  const before = plain.slice(0, lost.index) + (NEGATION.test(lost[1]!) ? '' : lost[1]!)
  const named = before.replace(/[给被弄都也又真]+$/u, '')
  return NO_THING.test(before) || (named.length >= 2 && thing.includes(named)) || thing.endsWith(named.slice(-3))
}

/** A loss said (丢了, 弄丢, 找不着), with what is just before it (没丢 turns it round). */
const LOST_SAID = /(.?)(?:丢|遗失|找不[到着见])/

/** Longest reply (compared form) read as saying something else is missing (健康证还没办). */
const MAX_OTHER_MISSING_REPLY = 12

/**
 * Whether a short reply says something is not there (vocabulary.yaml missing: 还没办, 丢了) that materialAnswer did not
 * take as the material asked: it names something else.
 */
function saysOtherMissing(t: Turn, r: Reading): boolean {
  return r.plain.length <= MAX_OTHER_MISSING_REPLY && t.vocab.missing.some((w) => r.plain.includes(w) || r.full.endsWith(w))
}

/**
 * Whether a reply at a material question starts with a correction word (vocabulary.yaml corrections: 不是, 不对)
 * and goes on with words that do not themselves say it is missing (不是，我是给我爹办): the resident is setting
 * something straight, not answering 没有. 不是，他没有 or 不对 丢了 still answer 没有.
 */
function correctsQuestion(t: Turn, r: Reading): boolean {
  if (r.leading !== 'no' || r.leadingWord === undefined || !t.vocab.corrections.has(r.leadingWord)) return false
  const rest = r.afterLeading ?? ''
  if (rest === '' || NEGATION.test(rest)) return false
  return !t.vocab.missing.some((w) => rest.includes(w)) && !t.vocab.unsure.has(rest) && !t.vocab.unsureInside.some((w) => rest.includes(w))
}
