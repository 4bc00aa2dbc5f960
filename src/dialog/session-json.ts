/**
 * A session as JSON, written once per message. Its 返回 history holds up to HISTORY_DEPTH earlier states,
 * most of the text, and they never change once written (session.ts): each entry's JSON is kept with the
 * entry, so a message encodes the current state and at most one new entry instead of the whole history.
 * The output is the same JSON value as JSON.stringify's, with history as its last member.
 */
import { isDialogSession, type DialogData } from './session.js'

const entryJson = new WeakMap<DialogData, string>()

export function encodeSession(value: unknown): string {
  if (!isDialogSession(value)) return JSON.stringify(value)
  const { history, ...current } = value
  const head = JSON.stringify(current)
  let entries = ''
  for (const entry of history) {
    let json = entryJson.get(entry)
    if (json === undefined) {
      json = JSON.stringify(entry)
      entryJson.set(entry, json)
    }
    entries += entries === '' ? json : `,${json}`
  }
  return `${head.slice(0, -1)},"history":[${entries}]}`
}
