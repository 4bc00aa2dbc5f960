/**
 * An item left mid-walk for another (俺还想问问老年证咋办 · 1) keeps its answers: coming back to it (低保 · 1) goes on
 * where the resident was, saying so in one line, and 从头核对 starts it over. Through the conversation service with
 * the real catalogue and dialog files.
 */
import { describe, expect, it } from 'vitest'
import { decodeSession, encodeSession } from '../../src/dialog/session-json.js'
import { joined, newChat, type Chat } from './support.js'

const ID_CARD = '是否已准备好：申请人居民身份证'
const DISABLED = '家里有没有残疾或生重病的人？'

/** 低保: 身份证 有, 户口簿 没有, then at 家里有没有残疾或生重病的人？ the 老年证 is asked for and taken. */
async function leftDibao(): Promise<Chat> {
  const chat = await newChat()
  await chat.say('低保咋申请')
  await chat.say('1')
  await chat.say('1')
  expect(joined(await chat.say('2'))).toContain(DISABLED)
  expect(joined(await chat.say('俺还想问问老年证咋办'))).toContain('老年人优待证')
  await chat.say('1')
  return chat
}

describe('an item left mid-walk for another', () => {
  it('goes on where the resident was when they come back to it, saying how many answers are kept', async () => {
    const chat = await leftDibao()
    await chat.say('低保')
    const said = joined(await chat.say('1'))
    expect(said).toContain('接着上次的：已记下 2 项')
    expect(said).toContain(DISABLED)
    expect(said).not.toContain(ID_CARD)
    // The answers kept are the ones on the checklist.
    const list = joined(await chat.say('全部列出'))
    expect(list).toContain('✓ 申请人居民身份证')
    expect(list).toContain('✗ 共同生活家庭成员户口簿')
  })

  it('从头核对 then starts the walk over, from the first material', async () => {
    const chat = await leftDibao()
    await chat.say('低保')
    await chat.say('1')
    const said = joined(await chat.say('从头核对'))
    expect(said).toContain(ID_CARD)
    expect(said).not.toContain('接着上次的')
    // 返回 undoes it: back at the question the resumed walk was at.
    expect(joined(await chat.say('返回'))).toContain(DISABLED)
  })

  it('keeps the second item too: back to the 老年证 after the 低保, its answers are there', async () => {
    const chat = await leftDibao()
    await chat.say('1') // 老人居民身份证: 有
    await chat.say('低保')
    expect(joined(await chat.say('1'))).toContain('已记下 2 项')
    await chat.say('老年证咋办')
    const said = joined(await chat.say('1'))
    expect(said).toContain('接着上次的：已记下 1 项')
  })

  it('an item whose walk was finished, or never begun, starts as before', async () => {
    const chat = await newChat()
    await chat.say('老年证咋办')
    await chat.say('1')
    await chat.say('低保')
    const said = joined(await chat.say('1'))
    expect(said).toContain(ID_CARD)
    expect(said).not.toContain('接着上次的')
  })

  it('keeps a few items at most, and the session stays small and loads back', async () => {
    const chat = await leftDibao()
    for (const ask of ['残疾证咋办', '居民医保咋交', '结婚登记要带啥', '身份证丢了咋补']) {
      await chat.say('1')
      await chat.say(ask)
      await chat.say('1')
    }
    const session = await chat.sessions.get('http:resident-1')
    const parked = (session as { parked?: unknown[] } | undefined)?.parked ?? []
    expect(parked.length).toBeGreaterThan(0)
    expect(parked.length).toBeLessThanOrEqual(3)
    const json = encodeSession(session)
    expect(json.length).toBeLessThan(8000)
    expect(decodeSession(json)).toEqual(JSON.parse(JSON.stringify(session)))
  })
})
