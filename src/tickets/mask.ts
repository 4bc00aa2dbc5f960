/**
 * De-identification for screens, lists, logs and webhook payloads (GB/T 35273, GB/T 37964):
 * phone 138****5678 (first 3, last 4), ID number 370***********1234 (first 3, last 4), name 张*.
 * The full phone goes only to the agent who claimed the ticket.
 */

/** 13812345678 → 138****5678; landlines keep their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
}

/** 370102199001011234 → 370***********1234 (same length as the number). */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length)
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`
}

/** 张三 → 张*, 欧阳娜娜 → 欧*: the surname's first character, then one * whatever the length. */
export function maskName(name: string): string {
  const first = [...name.trim()][0]
  return first === undefined ? '' : `${first}*`
}

// Residents type numbers in groups too (139 8888 7777, 370102-19900101-1234): separators are allowed.
const ID_NUMBER = /(?<!\d)\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dXx])/g
const MOBILE = /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g

/** Masks every ID number and mobile number in free text (notes, reasons, comments). */
export function maskText(text: string): string {
  return text
    .replace(ID_NUMBER, (m) => maskIdNumber(m.replace(/[ -]/g, '')))
    .replace(MOBILE, (m) => maskPhone(m))
}

/** A notification's text for a log or a shared place: ID and mobile numbers masked, and the names and phones it gives. */
export function maskNotificationText(n: { text: string; names?: string[]; phones?: string[] }): string {
  let text = n.text
  // Phones as given first (a landline, 0539-7211000, is no mobile number for maskText to find).
  for (const phone of (n.phones ?? []).filter((p) => p.replace(/\D/g, '').length >= 5)) text = text.split(phone).join(maskPhone(phone))
  text = maskText(text)
  // Longest first, so that a name inside another (王芳 in 王芳芳) does not leave part of the longer one.
  for (const name of [...(n.names ?? [])].filter((x) => x.trim() !== '').sort((a, b) => b.length - a.length)) {
    text = text.split(name).join(maskName(name))
  }
  return text
}
