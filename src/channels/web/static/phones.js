// Finds the phone numbers in a bot reply, so the page can make them tap-to-call links. Only shapes a resident
// would call:
//   mobiles:    13812345678, 138-1234-5678, +86 13812345678
//   landlines:  0539-7211000, 05397211000, (0539)7211080, （0539）7211080, 0539-7211000-123 (extension);
//               the area code 0 and 2 or 3 digits (not 00), the number 7 or 8 digits (not starting 0 or 1)
//   hotlines:   12345 12348 12349 110 120, and the catalogue's 12315 12331 12333; no other short number
// A number must stand alone: not part of a longer run of digits or letters (ticket ids such as DB2611220007,
// ID-card numbers, web addresses), of a date (2026-11-24) or a decimal; not an amount or a count (120 元,
// 110 号, 第 120); and not the example of a prompt (比如 13812345678), which would ring a stranger.

const PHONE = new RegExp(
  [
    /(\+86[- ]?)?(1[3-9]\d([- ]?)\d{4}\3\d{4})/.source,
    /[(（](0[1-9]\d{1,2})[)）] ?([2-9]\d{6,7})/.source,
    /(0[1-9]\d{1,2})-?([2-9]\d{6,7})(?:-\d{1,5})?/.source,
    /(12345|12348|12349|12315|12331|12333|110|120)/.source,
  ].join('|'),
  'gu',
)

/** Just before a number: a letter or digit (or a mark of a web address), one joined to it, 第, a currency, 比如. */
const BAD_BEFORE = /(?:[0-9A-Za-z_=@#&?%~]|[0-9A-Za-z][-./]|\d[,:：]|[第¥￥$]\s*|(?:比如|例如|举例)[：:，,\s]*)$/u
/** Just after a number: a letter or digit (or a mark of a web address), one joined to it, or a unit. */
const BAD_AFTER =
  /^(?:[0-9A-Za-z_=@#&?%~]|[-./,:：][0-9A-Za-z]|\s*(?:[元块角岁天日月年号个份次人户件项页条张万千百亿%‰米斤克秒周届期楼室栋层座]|分钟|小时|公里|平方))/u

/**
 * The phone numbers in `text`, in order: where each is (`start`, `end`), as written (`text`), and the `tel`
 * to dial (digits only, with + for a country code; an extension is left out).
 * @returns {{ start: number, end: number, text: string, tel: string }[]}
 */
export function findPhones(text) {
  const whole = String(text)
  const found = []
  PHONE.lastIndex = 0
  for (let m = PHONE.exec(whole); m !== null; m = PHONE.exec(whole)) {
    const start = m.index
    const end = start + m[0].length
    if (BAD_BEFORE.test(whole.slice(Math.max(0, start - 4), start)) || BAD_AFTER.test(whole.slice(end, end + 4))) {
      // Try again one character on, not past the refused match, so that no number inside it is skipped.
      PHONE.lastIndex = start + 1
      continue
    }
    found.push({ start, end, text: m[0], tel: telOf(m) })
  }
  return found
}

function telOf(m) {
  if (m[2] !== undefined) return `${m[1] === undefined ? '' : '+86'}${digits(m[2])}`
  if (m[4] !== undefined) return `${m[4]}${m[5]}`
  if (m[6] !== undefined) return `${m[6]}${m[7]}`
  return m[8]
}

const digits = (s) => s.replace(/\D/g, '')
