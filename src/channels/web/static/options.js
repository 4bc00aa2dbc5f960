// Finds the numbered choices at the end of a bot reply, so the page can offer them as buttons.
// Two shapes, as the dialog writes them:
//   one per line:  "请回复编号：\n1 自己办理\n2 申请代办"   (also "1.", "1、", "1）", "①")
//   inline:        "回复 1 有，2 没有"
// Only a list at the very end counts, numbered 1, 2, 3 … without gaps: a numbered list in the middle of a
// reply (or a date, an amount) must not become buttons.

const CIRCLED_FIRST = 0x2460 // ①

const LINE = /^\s*(?:(\d{1,2})(?:\s*[.、．:：)）]\s*|\s+)|([\u2460-\u2473])\s*)(\S.*?)\s*$/u
const INLINE = /回复[：:]?\s*((?:\d{1,2}|[\u2460-\u2473]).*?)[。.]?\s*$/u
const INLINE_PART = /^\s*(?:(\d{1,2})\s*[.、．]?\s*|([\u2460-\u2473])\s*)(\S.*?)\s*$/u

/** @returns {{ n: number, label: string }[]} the choices, or [] when the reply does not end with any */
export function parseOptions(text) {
  const lines = String(text).split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
  const last = lines[lines.length - 1]
  if (last === undefined) return []

  const inline = INLINE.exec(last)
  if (inline) {
    const parts = inline[1].split(/[，,；;]/).map((p) => INLINE_PART.exec(p))
    if (parts.every(Boolean)) return numbered(parts.map(toChoice))
  }

  const block = []
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = LINE.exec(lines[i])
    if (!m) break
    block.unshift(toChoice(m))
  }
  return numbered(block)
}

function toChoice(m) {
  const n = m[1] !== undefined ? Number(m[1]) : m[2].codePointAt(0) - CIRCLED_FIRST + 1
  return { n, label: m[3].replace(/[。；;，,]$/u, '') }
}

/** The choices if they run 1, 2, 3 …; else none. */
function numbered(choices) {
  return choices.length > 0 && choices.every((c, i) => c.n === i + 1) ? choices : []
}
