import { describe, expect, it } from 'vitest'
import { rememberingMatcher } from '../../src/match/remembered.js'
import type { Matcher, MatchResult } from '../../src/match/types.js'
import { realCatalog } from './real-catalog.js'

const { matcher: real } = await realCatalog()

/** The real matcher, counting the questions that reach it. */
function counted(): { matcher: Matcher; asked: string[] } {
  const inner = real
  const asked: string[] = []
  return {
    asked,
    matcher: {
      match(question, limit) {
        asked.push(`${limit ?? 5}:${question}`)
        return inner.match(question, limit)
      },
    },
  }
}

describe('rememberingMatcher', () => {
  it('gives the matcher’s own answers, working each text and limit out once', () => {
    const { matcher, asked } = counted()
    const remembering = rememberingMatcher(matcher)
    const questions = ['低保怎么申请', '俺娘八十多了能领啥钱', '今天天气咋样', '低保怎么申请']
    for (const q of questions) expect(remembering.match(q)).toEqual(real.match(q))
    expect(remembering.match('低保怎么申请', 1)).toEqual(real.match('低保怎么申请', 1))
    expect(remembering.match('今天天气咋样')).toEqual([])
    expect(asked).toEqual(['5:低保怎么申请', '5:俺娘八十多了能领啥钱', '5:今天天气咋样', '1:低保怎么申请'])
  })

  it('hands out frozen answers, so that no caller can change what the next one is given', () => {
    const remembering = rememberingMatcher(counted().matcher)
    const results = remembering.match('居住证咋办')
    expect(results.length).toBeGreaterThan(0)
    // The type says so too (readonly); a caller that casts it away still cannot.
    expect(() => (results as MatchResult[]).push(results[0]!)).toThrow(TypeError)
    expect(() => {
      results[0]!.score = 0
    }).toThrow(TypeError)
    expect(remembering.match('居住证咋办')[0]!.score).toBeGreaterThan(0)
  })

  it('forgets the text used longest ago once full, and keeps one asked again', () => {
    const { matcher, asked } = counted()
    const remembering = rememberingMatcher(matcher, 2)
    remembering.match('低保')
    remembering.match('居住证')
    remembering.match('低保') // used again: now 居住证 is the oldest
    remembering.match('准生证')
    asked.length = 0
    remembering.match('低保')
    remembering.match('准生证')
    expect(asked).toEqual([])
    remembering.match('居住证')
    expect(asked).toEqual(['5:居住证'])
  })
})
