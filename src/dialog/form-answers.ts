/**
 * The answers of the 代办 application form: the applicant's name (with the phone typed alongside), the phone, the
 * mailing address (a house number in the village just chosen), and the kind of help.
 */
import type { HelpKind } from '../catalog/types.js'
import { offerSwitch } from './actions.js'
import { mentionsPlace, namedPlace } from './area.js'
import { freeText, misunderstood, noSuchNumber } from './ask-again.js'
import { villageLabel } from './fields.js'
import { go, goOn } from './navigate.js'
import { pickIndex } from './pick.js'
import { isAddressed, isNoName, nameInSentence, notAName } from './form-name.js'
import { helpKinds, optionNumbers, shortPrompt, stateFields } from './prompts.js'
import { aspectReply, placesReply } from './questions-back.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import { askedAspects, mobileInText, mobileNumber, personName, postalAddress, read, type Reading } from './text.js'
import { currentItem, say, type Turn } from './turn.js'

/** The help kind asked for at the help step: by number, its label, or in the resident's words (上门). */
export function helpKind(t: Turn, state: Extract<DialogState, { kind: 'help' }>, r: Reading): boolean {
  const kinds = helpKinds(t)
  const labels = kinds.map((k) => t.defs.messages.helpKinds[k])
  const i = pickIndex(r, labels, (k) => [kinds[k]!, ...t.vocab.helpKinds[kinds[k]!]], optionNumbers(t, state)) ?? kindSaid(t, kinds, r)
  if (typeof i === 'number') {
    t.s.form.help = kinds[i]
    go(t, state.go)
    return true
  }
  return i === 'outOfRange' ? noSuchNumber(t) : freeText(t, state, r)
}

/** Longest reply (compared form) read as naming a help kind by one of its words inside it (能上门来办不). */
const MAX_KIND_REPLY = 12

/**
 * The one offered help kind a short reply asks for in its own words (vocabulary.yaml helpKinds: 能不能上门, 到家里来办吧
 * for 特办), not turned round just before them (不用上门, 别上门); undefined when none or two are said.
 */
function kindSaid(t: Turn, kinds: readonly HelpKind[], r: Reading): number | undefined {
  if (r.plain.length > MAX_KIND_REPLY) return undefined
  // 能不能, 可不可以 ask; they turn nothing round.
  const text = r.plain.replace(/(\p{Script=Han})不\1/gu, '')
  const says = (w: string) => {
    const at = text.indexOf(w)
    return at >= 0 && !TURNED_ROUND.test(text.slice(0, at))
  }
  const said = kinds.flatMap((kind, k) => (t.vocab.helpKinds[kind].some(says) ? [k] : []))
  return said.length === 1 ? said[0] : undefined
}

/** Said just before a word, it asks for the opposite (不用上门, 不能上门, 别上门; 不错 at the summary). */
export const TURNED_ROUND = /[没不未非无别][用要必需能]?$/

/** A reply at a name, phone or mailing-address step of the form. */
export function input(t: Turn, state: Extract<DialogState, { kind: 'input' }>, r: Reading): boolean {
  const value =
    state.field === 'name'
      ? applicantName(t, r)
      : state.field === 'phone'
        ? (mobileNumber(r.raw) ?? mobileInText(r.raw)?.phone)
        : mailingAddress(t, r)
  const both = state.field === 'name' && value === undefined ? nameWithPhone(t, r) : undefined
  if (both) {
    // The phone step that follows is skipped (its when: !hasPhone).
    Object.assign(t.s.form, both)
    goOn(t, state.go)
    return true
  }
  // 王秀兰 0539-7211000: the name, and the landline kept; the phone step asks for a mobile, as for a landline typed there.
  const withLandline = state.field === 'name' && value === undefined ? nameWithLandline(t, r) : undefined
  if (withLandline) {
    t.s.form.name = withLandline.name
    t.s.form.landline = withLandline.landline
    say(t, render(t.defs.messages.say.phoneLandline, stateFields(t)))
    goOn(t, state.go)
    return true
  }
  // "低保怎么办" passes as a name: a question the matcher is sure about is taken as one.
  if (state.field === 'name' && value !== undefined && offerSwitch(t, r.raw)) return true
  if (value !== undefined) {
    t.s.form[state.field] = value
    goOn(t, state.go)
    return true
  }
  if (state.field !== 'phone' && offerSwitch(t, r.raw)) return true
  // A landline: one reply (kept and a mobile asked for, or taken), not the no-mobile hint after it as well.
  const landlineTaken = state.field === 'phone' ? landlineReply(t, state, r) : undefined
  if (landlineTaken !== undefined) return landlineTaken
  // 本人, 俺是给俺娘办的, 本村: what the reply says instead of a name, and what to type.
  const hint = state.field === 'name' ? nameHint(t, r) : undefined
  if (hint !== undefined) return hint.kindly ? (say(t, hint.text), false) : misunderstood(t, state, hint.text)
  // 没有手机, 用俺儿子的, a landline: whose number will do instead, and who helps without one.
  if (state.field === 'phone' && hasNoMobile(t, r)) return misunderstood(t, state, render(t.defs.messages.say.noMobile, stateFields(t)))
  // 12345678901, 1381234567: digits close to a mobile, told what is wrong with them rather than the step's general rule.
  // Said each time, never the way out (抱歉，我还是没看明白): the resident is typing a number and is told what is wrong.
  const problem = state.field === 'phone' ? phoneProblem(t, r.raw) : undefined
  if (problem !== undefined) {
    say(t, problem)
    return false
  }
  // 要钱不 where a name or the phone is asked: answered, then the field asked for again (电话 here is more likely
  // their own number than a question about the item's).
  if (aspectReply(t, state, r, ['phone'])) return true
  // 在哪办: where to apply, then the same field again.
  if (placesReply(t, state, r)) return true
  return misunderstood(t, state, render(state.invalid, stateFields(t)))
}

/** A resident ID number (18 digits, the last maybe X; or the old 15), with the label typed before it (身份证号：). */
const ID_NUMBER = /(?:身份证(?:号码|号)?|证件号(?:码)?)?[\s:：]*(?<![0-9])(?:\d{17}[\dXx]|\d{15})(?![0-9])/u

/**
 * A name with an ID number at the name step (马桂兰 身份证370827195501011234): the name taken from the rest, the number
 * dropped (the form does not ask for it, say.idNumberNotAsked), and the step goes on. With no name beside it, that is
 * said and the name asked again. False when the reply has no ID number.
 */
export function nameWithIdNumber(t: Turn, state: DialogState, r: Reading): boolean {
  if (state.kind !== 'input' || state.field !== 'name') return false
  const text = r.raw.normalize('NFKC')
  if (!ID_NUMBER.test(text)) return false
  const rest = read(text.replace(ID_NUMBER, ' ').replace(/\s+/g, ' ').trim(), t.vocab)
  const name = rest.raw === '' ? undefined : applicantName(t, rest)
  say(t, render(t.defs.messages.say.idNumberNotAsked, stateFields(t)))
  if (name === undefined) {
    say(t, shortPrompt(t, state))
    return true
  }
  t.s.form.name = name
  goOn(t, state.go)
  return true
}

/** Digits typed as a phone (spaces, dashes, +86 allowed), with nothing else. */
const DIGITS_ONLY = /^(?:\+?86)?[\d\s\-()（）]+$/

/**
 * What is wrong with a reply of digits near a mobile number: eleven starting with 1 but with a second digit no
 * mobile has (12345678901: 手机号要 11 位 would be untrue), or one or two digits too few or too many. Undefined for
 * anything else (138, a sentence), which the step's own words answer.
 */
function phoneProblem(t: Turn, raw: string): string | undefined {
  const text = raw.normalize('NFKC').trim()
  if (!DIGITS_ONLY.test(text) || text.startsWith('0')) return undefined
  const digits = text.replace(/\D/g, '').replace(/^86(?=\d{11}$)/, '')
  const say_ = t.defs.messages.say
  // 12345678901, and 23812345678 (eleven digits no mobile starts with).
  if (digits.length === 11) return render(say_.phoneNotMobile, stateFields(t))
  if (digits.startsWith('1') && Math.abs(digits.length - 11) <= 2) return render(say_.phoneLength, stateFields(t, { count: String(digits.length) }))
  return undefined
}

/** A landline number (0539-7211000, 7211000): not a mobile the agent can text. */
const LANDLINE = /^(?:0\d{2,3}[-\s]?)?[2-9]\d{6,7}$/

/**
 * The landline a reply is (0539-7211000 as typed, without spaces or brackets, 电话 0539 7211234 without its label),
 * or undefined.
 */
function landline(raw: string, labels: readonly string[]): string | undefined {
  const text = withoutContactLabels(raw.normalize('NFKC').trim(), labels)
    .replace(/^[(（]?(0\d{2,3})[)）\s]+(?=\d)/, '$1-')
    .replace(/[\s()（）]/g, '')
  return LANDLINE.test(text) ? text : undefined
}

/** Saying there is no mobile at all, or to use the landline (没有手机, 老年机, 就用座机). */
const NO_MOBILE_AT_ALL = /没有?手机|不会用手机|不用手机|老年机|座机|固话/

/**
 * A landline at the phone step: the agent calls, and texts too, so a mobile is asked for (a relative's will do) and
 * the landline kept. The same landline again, or 没有手机 then, takes it as the contact phone, said so.
 */
function landlineReply(t: Turn, state: Extract<DialogState, { kind: 'input' }>, r: Reading): boolean | undefined {
  const form = t.s.form
  const typed = landline(r.raw, t.vocab.contactLabels)
  // The same number, however it is written (0539-7211234, 0539 7211234).
  const digits = (n: string) => n.replace(/\D/g, '')
  const again = typed !== undefined && form.landline !== undefined && digits(typed) === digits(form.landline)
  // 没有手机, 就用座机 after it; not 用俺闺女的 (another number is coming).
  const noMobile = typed === undefined && form.landline !== undefined && (r.no || NO_MOBILE_AT_ALL.test(r.plain))
  // 没有手机 打座机 0539-7225566: no mobile, and the landline to use instead, in one reply: taken at once.
  const saidWith = typed === undefined && NO_MOBILE_AT_ALL.test(r.plain) ? landlineInText(r.raw) : undefined
  const taken = again ? typed : noMobile ? form.landline : saidWith
  if (taken !== undefined) {
    form.phone = taken
    delete form.landline
    say(t, render(t.defs.messages.say.landlineTaken, stateFields(t)))
    goOn(t, state.go)
    return true
  }
  if (typed === undefined) return undefined
  form.landline = typed
  say(t, render(t.defs.messages.say.phoneLandline, stateFields(t)))
  return false
}

/** The landline a sentence holds (没有手机 打座机 0539 7225566 → 0539-7225566), written as landline() writes it; else undefined. */
function landlineInText(raw: string): string | undefined {
  const found = LANDLINE_IN_TEXT.exec(raw.normalize('NFKC').replace(/[()（）]/g, ' '))
  return found === null ? undefined : landline(found[0], [])
}

/** Whether a reply at the phone step says the resident has no mobile (没有, 不知道, 用俺儿子的). */
function hasNoMobile(t: Turn, r: Reading): boolean {
  return r.no || r.unsure || LANDLINE.test(r.raw.replace(/[()（）]/g, '')) || t.vocab.noMobile.some((w) => r.plain.includes(w))
}

/**
 * Words that say where an address is, for places not on our list (县城人民路 5 号, 临沂市兰山区…, 后河村 8 号), but
 * not 村东头 (the village's own east end).
 */
export const SAYS_WHERE = /[省市县区镇乡]|街道|路|街|\p{Script=Han}{2}(村|社区)/u

/**
 * The mailing address. The 代办 form has just asked the applicant's village: a reply that says no place (3 排 5 号,
 * 村东头第三家) is the house in that village, so the village is not asked for twice. A reply naming a place (ours,
 * or 县, 市, 路 … of somewhere else) is taken as typed; a bare number (a stray 1) is no house.
 */
export function mailingAddress(t: Turn, r: Reading): string | undefined {
  const village = villageLabel(t.s.form, t.ctx.catalog)
  if (village === undefined || mentionsPlace(t.ctx.catalog, r.raw) || SAYS_WHERE.test(r.raw)) return postalAddress(r.raw)
  if (r.yes || r.no || r.ack || r.unsure || r.greeting || r.thanks || r.empty) return undefined
  if (r.number !== undefined && !/\p{Script=Han}/u.test(r.raw)) return undefined
  return postalAddress(`${village} ${r.raw}`)
}

/** 张秀英 13812345678 (or 姓名：张秀英，电话：…) where the name is asked: both, when what is left is a name. */
function nameWithPhone(t: Turn, r: Reading): { name: string; phone: string } | undefined {
  const found = mobileInText(r.raw)
  if (!found) return undefined
  const name = personName(withoutContactLabels(found.rest, t.vocab.contactLabels), t.vocab.notName)
  return name === undefined ? undefined : { name, phone: found.phone }
}

/** A landline inside a line (王秀兰 0539-7211000, 7211000), not part of a longer number. */
const LANDLINE_IN_TEXT = /(?<![\d-])(?:0\d{2,3}[-\s]?)?[2-9]\d{6,7}(?![\d-])/

/** A name and a landline on one line where the name is asked: both, when what is left is a name. */
function nameWithLandline(t: Turn, r: Reading): { name: string; landline: string } | undefined {
  const text = r.raw.normalize('NFKC').replace(/[()（）]/g, ' ')
  const found = LANDLINE_IN_TEXT.exec(text)
  if (found === null) return undefined
  const rest = withoutContactLabels(`${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`, t.vocab.contactLabels)
  const named = rest === '' ? undefined : nameBesidePhone(t, rest)
  return named === undefined || named.place !== undefined ? undefined : { name: named.name, landline: found[0].replace(/\s/g, '') }
}

/**
 * What is left of a line beside a phone number once the words around it are dropped: punctuation, and labels
 * (vocabulary.yaml contactLabels: 姓名, 手机号, 我叫) with a 是 or 为 joining them to what they label (手机号是138…,
 * 电话为…). Parts stay apart by one space.
 */
export function withoutContactLabels(rest: string, labels: readonly string[]): string {
  let text = rest.replace(/[，,、:：;；。.!！]/g, ' ')
  for (const label of labels) text = text.split(label).join(' \u0000')
  return text.replace(/\u0000\s*[是为]?/g, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * The applicant's name in what is left beside a phone at the name step (王秀英, 王秀英 相沟镇 with the place where
 * the applicant lives after it): the name, and the parts naming one of our places apart (the area step is asked
 * next). Undefined when the rest is no name.
 */
export function nameBesidePhone(t: Turn, rest: string): { name: string; place?: string } | undefined {
  const parts = rest.split(' ').filter((p) => p !== '')
  const places = parts.length > 1 ? parts.filter((p) => mentionsPlace(t.ctx.catalog, p)) : []
  const others = parts.filter((p) => !places.includes(p))
  if (others.length === 0) return undefined
  const name = applicantName(t, read(others.join(' '), t.vocab))
  return name === undefined ? undefined : { name, ...(places.length > 0 && { place: places.join(' ') }) }
}

/** A name, not a sentence, nor a yes/no word or a greeting (好的, 没有, 你好 are not names). */
export function applicantName(t: Turn, r: Reading): string | undefined {
  if (r.yes || r.no || r.ack || r.greeting || r.thanks) return undefined
  // A phone number in characters (幺三八…) typed a step early is no name.
  if (mobileNumber(r.raw) !== undefined) return undefined
  // 大店镇, 大店镇大店一村: where the applicant lives, asked next, not who they are. Only names with a 镇 or 村 in
  // them: a person may be called like a village (东山).
  if (TIER_IN_NAME.test(r.plain) && namedPlace(t.ctx.catalog, r.plain, t.vocab.placeWords) !== undefined) return undefined
  // 要钱不, 多久能办好: a question about the item, not a name.
  const item = currentItem(t)
  if (item && askedAspects(r.raw, t.vocab, item.type).some((a) => a !== 'phone')) return undefined
  // 俺叫刘秀英, 我是张三: the name after the label; 给俺爹办 他叫张德福, 张德福是俺爹: the name in the sentence.
  const name = personName(withoutContactLabel(nameInSentence(r.raw), t.vocab.contactLabels), t.vocab.notName)
  // 本人, 本村, 老伴: who or where, not a name.
  if (name !== undefined && isNoName(name)) return undefined
  // 王大爷, 李老师: how the person is called; the 委托书 needs the full name, asked for plainly (nameHint).
  if (name !== undefined && isAddressed(name)) return undefined
  // 坊前 alone is a town (a street office), typed a step early; a village's bare name may be a person's (东山).
  if (name !== undefined && namedPlace(t.ctx.catalog, name, [])?.kind === 'towns') return undefined
  return name
}

/**
 * What to say to a reply at the name step that gives something else instead of a name: oneself (本人: type your own),
 * a place (本村), or for whom without the name (俺是给俺娘办的: asked kindly for it, no miss counted).
 */
function nameHint(t: Turn, r: Reading): { text: string; kindly: boolean } | undefined {
  // 李奶奶 0539-7211234: what is said beside a landline (kept for the phone step, as with a name) is read alone.
  const text = r.raw.normalize('NFKC')
  const line = LANDLINE_IN_TEXT.exec(text.replace(/[()（）]/g, ' '))
  const beside = line === null ? r.raw : withoutContactLabels(`${text.slice(0, line.index)} ${text.slice(line.index + line[0].length)}`, t.vocab.contactLabels)
  const said = notAName(beside)
  if (said === undefined) return undefined
  if (line !== null) t.s.form.landline = line[0].replace(/\s/g, '')
  const say_ = t.defs.messages.say
  if ('self' in said) return { text: render(say_.nameSelf, {}), kindly: false }
  if ('place' in said) return { text: render(say_.namePlace, { said: said.place }), kindly: false }
  if ('addressed' in said) return { text: render(say_.nameFull, { said: said.addressed }), kindly: true }
  return { text: render(say_.nameOfWhom, { who: said.who }), kindly: true }
}

/** The text after a leading label such as 我叫, 姓名： (contactLabels, longest first), or the text as typed. */
function withoutContactLabel(raw: string, labels: readonly string[]): string {
  const text = raw.normalize('NFKC').trim()
  const label = labels.find((l) => text.startsWith(l))
  if (label !== undefined) return text.slice(label.length).replace(/^[\s:：,，是]+/, '')
  // 俺娘叫王桂兰, 我爹名字叫李四: who it is, then the name after its 叫.
  const called = CALLED.exec(text)
  return called === null ? text : called[1]!
}

/** A few words saying whose name it is (俺娘, 老人的名字), then 叫 and the name. */
const CALLED = /^\p{Script=Han}{1,5}?(?:的)?(?:名字)?叫[\s:：]*(\p{Script=Han}{2,4})$/u

/** A word that makes a typed name a place's (大店镇, 大店一村, 十字路街道). */
const TIER_IN_NAME = /镇|乡|村|街道|社区/
