/**
 * Changes to the 代办 application while it is filled in: a field said to be wrong at the summary (名字写错了) asked
 * again, and a mobile number typed at any step taken as the applicant's phone.
 */
import { applyOption, rememberTown } from './actions.js'
import { mentionsPlace } from './area.js'
import { area } from './area-step.js'
import { applicantName, mailingAddress, nameBesidePhone, SAYS_WHERE, TURNED_ROUND, withoutContactLabels } from './form-answers.js'
import { isAddressed } from './form-name.js'
import { go, goOn } from './navigate.js'
import { fullPrompt, stateFields, visibleOptions } from './prompts.js'
import type { DialogState } from './schema.js'
import { render } from './template.js'
import { comparableFixed, FORM_FIELDS_FIXABLE, mobileInText, mobileNumber, read, type FormField, type Reading } from './text.js'
import { say, type Turn } from './turn.js'

/** Longest reply (compared form) read as saying a field of the 代办 form is wrong (名字写错了, 村不对). */
const MAX_FIX_REPLY = 12

/**
 * A short reply saying something of the 代办 form is wrong (名字写错了, 电话不对, 地址不对; vocabulary.yaml formWrong)
 * is a correction, not a new question. The field it names (formFields) is asked again at its own step, with the
 * step's fixPrompt, and the resident comes back to where they were once it is given: the summary, or a later step
 * of the form (名字写错了 while the town is asked). At the summary (a menu offering 重新填写, do: clearForm) naming no
 * field fills the whole form in again; at a later step it says nothing wrong we could place, and the step reads it
 * as usual. A number typed with it (电话改成139…) is left to phoneAside. Undefined when nothing is to be fixed.
 */
export function formFix(t: Turn, state: DialogState, r: Reading): boolean | undefined {
  if (r.plain.length > MAX_FIX_REPLY || !inForm(state) || mobileInText(r.raw) !== undefined) return undefined
  const redo = state.kind === 'menu' ? visibleOptions(t, state.options).find((o) => o.do === 'clearForm') : undefined
  // 不是, 改成邮寄 at a later step's own options (不是 老人, 邮寄到家) answer that step.
  if (redo === undefined && namesOwnOption(t, state, r)) return undefined
  // 不错, 不用改: turned round, nothing is wrong.
  const says = (w: string) => {
    const at = r.plain.indexOf(w)
    return at >= 0 && !TURNED_ROUND.test(r.plain.slice(0, at))
  }
  if (!t.vocab.formWrong.some(says)) return undefined
  let field = FORM_FIELDS_FIXABLE.find((f) => t.vocab.formFields[f].some((w) => r.plain.includes(w)))
  // Without a mailing address (none chosen, or none given yet), 地址 is where the applicant lives.
  if (field === 'address' && (redo !== undefined ? t.s.form.delivery !== 'mail' : !given(t, 'address'))) field = 'area'
  const target = field === undefined ? undefined : fieldStep(t, field)
  if (redo !== undefined && (field === undefined || target === undefined)) {
    applyOption(t, redo)
    return true
  }
  // 名字错了 叫李四 where the name is asked: the name.
  if (field === 'name' && target === t.s.state && state.kind === 'input') {
    const said = rightName(t, r)
    if (said === undefined) return undefined
    t.s.form.name = said
    goOn(t, state.go)
    return true
  }
  // At a later step, only a field given before it, at a step of its own: the step asked now reads its own field.
  // One at a time: while a field is asked again its own value is cleared, and the way back is the summary's.
  if (field === undefined || target === undefined || target === t.s.state) return undefined
  if (redo === undefined && (!given(t, field) || t.s.form.returnTo !== undefined)) return undefined
  t.s.form.returnTo = t.s.state
  // 名字写错了，应该是张秀兰: the right name said with it is taken, not asked for again.
  const said = field === 'name' ? rightName(t, r) : undefined
  if (said !== undefined) {
    t.s.form.name = said
    goOn(t, target)
    return true
  }
  // Cleared, so that a step skipped when the field is known (proxy_phone: when !hasPhone) asks it.
  if (field !== 'area') delete t.s.form[field]
  go(t, target)
  return true
}

/** The name said after the correction (名字错了 是张秀兰, 姓名写错了，应该叫李四), or undefined. */
function rightName(t: Turn, r: Reading): string | undefined {
  const after = /(?:应该是|应该叫|改成|改为|换成|是|叫)[\s:：,，]*([\p{Script=Han}·]{2,6})[。.!！]*$/u.exec(r.raw)?.[1]
  return after === undefined ? undefined : applicantName(t, read(after, t.vocab))
}

/** Whether a state is a step of the 代办 form: one of its kinds, or a question marked `phone: true` (the summary). */
function inForm(state: DialogState): boolean {
  return state.kind === 'input' || state.kind === 'area' || state.kind === 'help' || state.phone === true
}

/** The state that asks `field`. */
function fieldStep(t: Turn, field: FormField): string | undefined {
  return Object.entries(t.defs.flow.states).find(([, s]) => (field === 'area' ? s.kind === 'area' : s.kind === 'input' && s.field === field))?.[0]
}

/** Whether the form already holds `field` (a later step can only correct what was given). */
function given(t: Turn, field: FormField): boolean {
  const form = t.s.form
  return field === 'area' ? form.townId !== undefined : form[field] !== undefined
}

/** Whether the reply holds the label or a word of one of the menu's own options (改成邮寄到家 at 结果怎么拿). */
function namesOwnOption(t: Turn, state: DialogState, r: Reading): boolean {
  if (state.kind !== 'menu') return false
  return visibleOptions(t, state.options).some((o) =>
    [o.label, ...(o.words ?? [])].some((w) => {
      const form = comparableFixed(w)
      return form.length >= 2 && r.plain.includes(form)
    }),
  )
}

/** Longest reply (compared form) read as wishing to change the phone (手机号写错了). */
const MAX_CHANGE_PHONE_REPLY = 12

/**
 * At a step of the 代办 form marked `phone: true` (not the phone step itself, which reads numbers its own way), a
 * mobile number typed alone or in a sentence (电话换成13912345678) is the phone the ticket records, replacing the
 * one given before. At a name or address step the rest of the line, once labels (姓名, 电话 …) are dropped, still
 * answers the step (张秀英 138…, 3排5号 电话138…); elsewhere, or when the rest is no answer, the number is said back
 * masked and the step asked again (the summary shows itself again, with the new number). 手机号错了 without a number
 * gets how to change it. Undefined when the reply is about none of this (the step reads it as usual).
 */
export function phoneAside(t: Turn, state: DialogState, r: Reading): boolean | undefined {
  if (state.phone !== true || (state.kind === 'input' && state.field === 'phone')) return undefined
  const alone = mobileNumber(r.raw)
  const found = alone !== undefined ? { phone: alone, rest: '' } : mobileInText(r.raw)
  if (found === undefined) {
    // 手机号错了, 改电话 (no number yet): how to change it; the step's question still waits.
    if (r.plain.length > MAX_CHANGE_PHONE_REPLY || !t.vocab.changePhone.some((w) => r.plain.includes(w))) return undefined
    say(t, render(t.defs.messages.say.phoneChange, stateFields(t)))
    return false
  }
  t.s.form.phone = found.phone
  if (state.kind === 'input') {
    const rest = withoutContactLabels(found.rest, t.vocab.contactLabels)
    // 张德福 13912345678, 俺叫王秀英手机13812345678: the name, the phone said back (its step is skipped), and a place
    // said with them (王秀英 138… 相沟镇) kept for the area step, not taken into the name.
    const named = rest !== '' && state.field === 'name' ? nameBesidePhone(t, rest) : undefined
    if (named !== undefined) {
      t.s.form.name = named.name
      if (named.place !== undefined) rememberTown(t, named.place)
      say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
      goOn(t, state.go)
      return true
    }
    // 王大爷 138…: the phone noted, and the full name asked for plainly (a way of addressing is no name).
    if (state.field === 'name' && rest !== '' && isAddressed(rest)) {
      say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
      say(t, render(t.defs.messages.say.nameFull, { said: rest.replace(/\s+/g, '') }))
      return true
    }
    // An address must say where (a place, a road) or hold a house number: 换成 alone is no address.
    const address = rest !== '' && state.field === 'address' && (/\d/.test(rest) || SAYS_WHERE.test(rest) || mentionsPlace(t.ctx.catalog, rest))
      ? mailingAddress(t, read(rest, t.vocab))
      : undefined
    if (address !== undefined) {
      t.s.form.address = address
      goOn(t, state.go)
      return true
    }
  }
  // 大店镇 138…: the number noted, the place still answers the area step.
  const place = found.rest.trim()
  if (state.kind === 'area' && place !== '' && mentionsPlace(t.ctx.catalog, place)) {
    say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
    return area(t, state, read(place, t.vocab))
  }
  say(t, render(t.defs.messages.say.phoneNoted, stateFields(t)))
  say(t, fullPrompt(t, state))
  return true
}
