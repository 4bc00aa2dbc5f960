// Finds the numbered choices at the end of a bot reply, so the page can offer them as buttons.
// Two shapes, as the dialog writes them:
//   one per line:  "请回复编号：\n1 自己办理\n2 申请代办"   (also "1.", "1、", "1）", "①")
//   inline:        "回复 1 有，2 没有" (长者模式: "请回数字：1 有，2 没有")
// Only a list at the very end counts, numbered from 1 upwards (a skipped number or two allowed): a numbered list in the middle of a
// reply (or a date, an amount) must not become buttons.

const CIRCLED_FIRST = 0x2460 // ①
/** A short line after the choices that offers typing instead (not a choice, nor a new question). */
const HINT = /^\s*(?:也可以直接打字|也可以打字|想问别的事|想问别的，|或者直接打字|直接打字说)[^\n]{0,40}$/u

const LINE = /^\s*(?:(\d{1,2})(?:\s*[.、．:：)）]\s*|\s+)|([\u2460-\u2473])\s*)(\S.*?)\s*$/u
const INLINE = /请?(?:回复|回数字)[：:]?\s*((?:\d{1,2}|[\u2460-\u2473]).*?)[。.]?\s*$/u
const INLINE_PART = /^\s*(?:(\d{1,2})\s*[.、．]?\s*|([\u2460-\u2473])\s*)(\S.*?)\s*$/u

/** @returns {{ n: number, label: string }[]} the choices, or [] when the reply does not end with any */
export function parseOptions(text) {
  return splitOptions(text).choices
}

/**
 * The reply cut where its numbered choices begin: `body` before them, `tail` the choices as written (the lines
 * of a list, or the 回复 … part of the last line), so that 长者模式 can show them as buttons only.
 * `after`: a hint line that followed the choices (也可以直接打字问别的事), shown after them.
 * @returns {{ body: string, tail: string, choices: { n: number, label: string }[], after?: string }}
 */
export function splitOptions(text) {
  const whole = String(text)
  const none = { body: whole, tail: '', choices: [] }
  const lines = whole.split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
  // A hint after the choices ("也可以直接打字问别的事"): the choices are still the reply's last question.
  if (lines.length > 1 && HINT.test(lines[lines.length - 1])) {
    const hint = lines.pop()
    const found = splitOptions(lines.join('\n'))
    if (found.choices.length > 0) return { ...found, after: hint.trim() }
    return none
  }
  const last = lines[lines.length - 1]
  if (last === undefined) return none

  const inline = INLINE.exec(last)
  if (inline) {
    const parts = inline[1].split(/[，,；;]/).map((p) => INLINE_PART.exec(p))
    const choices = parts.every(Boolean) ? numbered(parts.map(toChoice)) : []
    if (choices.length > 0) {
      const body = [...lines.slice(0, -1), last.slice(0, inline.index)].join('\n').replace(/\s+$/u, '')
      return { body, tail: last.slice(inline.index), choices }
    }
  }

  const block = []
  let first = lines.length
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = LINE.exec(lines[i])
    if (!m) break
    block.unshift(toChoice(m))
    first = i
  }
  const choices = numbered(block)
  if (choices.length === 0) return none
  return { body: lines.slice(0, first).join('\n'), tail: lines.slice(first).join('\n'), choices }
}

function toChoice(m) {
  const n = m[1] !== undefined ? Number(m[1]) : m[2].codePointAt(0) - CIRCLED_FIRST + 1
  return { n, label: m[3].replace(/[。；;，,]$/u, '') }
}

/**
 * The choices if they start at 1 and rise; else none. A number may be left out (a help kind the item does not offer
 * keeps its number unused, so that 4 is always 特办), but not more than two in a row: a longer jump is not a menu.
 */
function numbered(choices) {
  const rising = choices.every((c, i) => (i === 0 ? c.n === 1 : c.n > choices[i - 1].n && c.n - choices[i - 1].n <= 3))
  return choices.length > 0 && rising ? choices : []
}
