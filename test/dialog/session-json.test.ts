import { describe, expect, it } from 'vitest'
import { decodeSession, encodeSession } from '../../src/dialog/session-json.js'
import { freshSession, HISTORY_DEPTH, snapshot, type DialogSession } from '../../src/dialog/session.js'

function walked(): DialogSession {
  const s = freshSession('welcome', 1_000)
  s.state = 'materials'
  s.itemId = '371327-MZ-0038'
  s.itemName = '最低生活保障申请'
  s.asked = '低保咋办 "加引号" \\ 反斜杠'
  for (const name of ['申请人居民身份证', '户口簿', '残疾人证或住院病历、诊断证明']) {
    s.history.push(snapshot(s))
    s.ready[name] = true
  }
  s.answers['委托他人'] = '是'
  return s
}

/** What JSON.stringify then JSON.parse make of a value (undefined fields gone). */
const viaJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown

describe('encodeSession / decodeSession', () => {
  it('reads back the session as JSON would, also for the next message sharing the same history entries', () => {
    const s = walked()
    expect(decodeSession(encodeSession(s))).toEqual(viaJson(s))
    const next: DialogSession = { ...s, history: [...s.history, snapshot(s)], ready: { ...s.ready, 低保备案表: false } }
    expect(decodeSession(encodeSession(next))).toEqual(viaJson(next))
    // Twice: encoding keeps nothing from one call to the next that could go stale.
    expect(decodeSession(encodeSession(next))).toEqual(viaJson(next))
  })

  it('writes a session read back as it was read, and right after each way its history changes', () => {
    let s = walked()
    for (let i = 0; i < HISTORY_DEPTH - 3; i++) s = { ...s, history: [...s.history, snapshot(s)], ready: { ...s.ready, [`材料${i}`]: i % 2 === 0 } }
    const json = encodeSession(s)
    const read = decodeSession(json) as DialogSession
    expect(encodeSession(read)).toBe(json)
    const pushed: DialogSession = { ...read, history: [...read.history, snapshot(read)], state: 'checklist' }
    expect(decodeSession(encodeSession(pushed))).toEqual(viaJson(pushed))
    // At the depth limit the oldest entry is dropped as the newest is pushed.
    const shifted: DialogSession = { ...pushed, history: [...read.history.slice(1), snapshot(read)], ready: {} }
    expect(decodeSession(encodeSession(shifted))).toEqual(viaJson(shifted))
    const back: DialogSession = { ...read, ...read.history[read.history.length - 1]!, history: read.history.slice(0, -1) }
    expect(decodeSession(encodeSession(back))).toEqual(viaJson(back))
    const cleared: DialogSession = { ...read, history: [snapshot(read)] }
    expect(decodeSession(encodeSession(cleared))).toEqual(viaJson(cleared))
    // A caller that changes the history it was given in place.
    const again = decodeSession(json) as DialogSession
    again.history.push(snapshot(again))
    again.state = 'welcome'
    expect(decodeSession(encodeSession(again))).toEqual(viaJson(again))
  })

  it('stores each history entry as what differs from the state after it, far smaller than whole', () => {
    const s = walked()
    const json = encodeSession(s)
    expect(json.length).toBeLessThan(JSON.stringify(s).length * 0.7)
    const stored = JSON.parse(json) as { history: unknown[]; historyDiff: Record<string, unknown>[] }
    // An older server reading it finds a session with no 返回 history rather than one it cannot read.
    expect(stored.history).toEqual([])
    expect(stored.historyDiff[0]).not.toHaveProperty('itemName')
  })

  it('keeps entries right after 返回 and a new step (an entry is diffed against a different next state)', () => {
    const s = walked()
    encodeSession(s)
    const back: DialogSession = { ...s, ...s.history[s.history.length - 1]!, history: s.history.slice(0, -1) }
    expect(decodeSession(encodeSession(back))).toEqual(viaJson(back))
    const other: DialogSession = { ...back, history: [...back.history, snapshot(back)], state: 'checklist', switchTo: 'x', answers: {} }
    expect(decodeSession(encodeSession(other))).toEqual(viaJson(other))
    // A field an entry lacks but the state after it has (switchTo) stays absent in the entry read back.
    const withSwitch: DialogSession = { ...other, history: [...other.history, snapshot(other)], switchTo: undefined, state: 'welcome' }
    const read = decodeSession(encodeSession(withSwitch)) as DialogSession
    expect(read).toEqual(viaJson(withSwitch))
    expect(read.history[read.history.length - 2]).not.toHaveProperty('switchTo')
  })

  it('reads back the other items kept for a wrong find (ids), through the step that offers them and the 返回 after it', () => {
    const s: DialogSession = { ...walked(), alternatives: ['371327-MZ-0040', '371327-YB-0061'] }
    expect(decodeSession(encodeSession(s))).toEqual(viaJson(s))
    // 不是这个: the item cleared, the others offered as candidates.
    const offered: DialogSession = {
      ...s, history: [...s.history, snapshot(s)], state: 'choose_item', itemId: undefined, itemName: undefined,
      alternatives: undefined, candidates: ['371327-MZ-0040', '371327-YB-0061'], answers: {}, ready: {},
    }
    const read = decodeSession(encodeSession(offered)) as DialogSession
    expect(read).toEqual(viaJson(offered))
    expect(read.history[read.history.length - 1]!.alternatives).toEqual(s.alternatives)
    expect(read).not.toHaveProperty('alternatives')
    const back: DialogSession = { ...read, ...read.history[read.history.length - 1]!, history: read.history.slice(0, -1) }
    expect(decodeSession(encodeSession(back))).toEqual(viaJson(back))
  })

  it('encodes a session whose entries cannot take new keys (frozen, as a caller checking it is not changed may)', () => {
    const s = structuredClone(walked())
    for (const entry of s.history) Object.freeze(entry)
    Object.freeze(s)
    expect(decodeSession(encodeSession(s))).toEqual(viaJson(s))
    // Entries that had a diff kept before they were frozen, then diffed against another state.
    const read = decodeSession(encodeSession(walked())) as DialogSession
    encodeSession(read)
    for (const entry of read.history) Object.freeze(entry)
    const next: DialogSession = { ...read, history: [...read.history, snapshot(read)], state: 'checklist' }
    expect(decodeSession(encodeSession(next))).toEqual(viaJson(next))
    const back: DialogSession = { ...read, ...read.history[read.history.length - 1]!, history: read.history.slice(0, -1) }
    expect(decodeSession(encodeSession(back))).toEqual(viaJson(back))
  })

  it('reads sessions stored whole (before diffs), sessions without history, and values that are not sessions', () => {
    const s = walked()
    expect(decodeSession(JSON.stringify(s))).toEqual(viaJson(s))
    const fresh = freshSession('welcome', 1_000)
    expect(decodeSession(encodeSession(fresh))).toEqual(fresh)
    for (const value of [{}, [], 'text', 3, null, { v: 2, history: [] }]) {
      expect(encodeSession(value)).toBe(JSON.stringify(value))
      expect(decodeSession(encodeSession(value))).toEqual(value)
    }
  })
})
