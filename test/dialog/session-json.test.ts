import { describe, expect, it } from 'vitest'
import { encodeSession } from '../../src/dialog/session-json.js'
import { freshSession, snapshot, type DialogSession } from '../../src/dialog/session.js'

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

describe('encodeSession', () => {
  it('writes the session as JSON, also for the next message sharing the same history entries', () => {
    const s = walked()
    expect(JSON.parse(encodeSession(s))).toEqual(s)
    const next: DialogSession = { ...s, history: [...s.history, snapshot(s)], ready: { ...s.ready, 低保备案表: false } }
    expect(JSON.parse(encodeSession(next))).toEqual(next)
    expect(encodeSession(next).length).toBe(JSON.stringify(next).length)
  })

  it('handles a session without history, and values that are not sessions', () => {
    const s = freshSession('welcome', 1_000)
    expect(JSON.parse(encodeSession(s))).toEqual(s)
    for (const value of [{}, [], 'text', 3, null, { v: 2, history: [] }]) expect(encodeSession(value)).toBe(JSON.stringify(value))
  })
})
