/**
 * The shapes of a walk reply that asks for a service (requestedThing: 还想问问残疾证咋办 → 残疾证) or turns something
 * down and says what instead (denialAndRest: 不是低保 是医保 → 低保, 医保). What the parts name is decided elsewhere
 * (see test/conversation/walk-new-questions.test.ts and walk-turned-down.test.ts).
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { denialAndRest } from '../../src/dialog/denial.js'
import { VocabularyFileSchema } from '../../src/dialog/schema.js'
import { requestedThing } from '../../src/dialog/service-request.js'
import { compileVocabulary, read } from '../../src/dialog/text.js'

const vocab = compileVocabulary(VocabularyFileSchema.parse(parse(readFileSync('dialogs/vocabulary.yaml', 'utf8'))))

describe('requestedThing(reply)', () => {
  it.each([
    ['还想问问残疾证咋办', '残疾证'],
    ['残疾证怎么办理', '残疾证'],
    ['残疾人补贴咋领', '残疾人补贴'],
    ['俺还想办个残疾证', '残疾证'],
    ['俺想申请卧床老人补贴', '卧床老人补贴'],
    ['办残疾证要啥', '残疾证'],
    ['能办残疾证不', '残疾证'],
    ['残疾证能不能办', '残疾证'],
    ['俺想问问残疾人两项补贴', '残疾人两项补贴'],
    ['上户口咋办', '上户口'],
    ['想办个体户', '个体户'],
    ['俺是想办个体户', '个体户'],
    ['俺是想问五保', '五保'],
    ['有残疾证 还想办个居住证', '居住证'],
    ['接着上次的残疾证', '残疾证'],
    ['接着办残疾证', '残疾证'],
    ['回到残疾证那个', '残疾证'],
    ['还是继续办残疾证吧', '残疾证'],
  ])('reads %j as asking for %j', (reply, thing) => {
    expect(requestedThing(read(reply, vocab))).toBe(thing)
  })

  it.each([
    '俺家老头是残疾', '有个残疾的孩子', '俺家领过残疾证', '俺老伴瘫了咋办', '身份证丢了咋补', '他下不了床 咋拍照',
    '户口本在俺婆婆家', '能领多少', '俺想自己办', '已经申请了', '身份证在补办', '残疾证办了',
    '接着刚才的', '回到上一步', '继续',
  ])('reads %j as asking for nothing', (reply) => {
    expect(requestedThing(read(reply, vocab))).toBeUndefined()
  })
})

describe('denialAndRest(reply)', () => {
  it.each([
    ['不是低保 是医保', '低保', '医保'],
    ['不是低保是医保', '低保', '医保'],
    ['不是低保，是医保咋交', '低保', '医保咋交'],
    ['俺不是问这个，俺要办居住证', '这个', '居住证'],
    ['俺问的不是低保 是居住证', '低保', '居住证'],
    ['俺不办低保了办居住证', '低保', '居住证'],
    ['俺问的不是这个 是个体户', '这个', '个体户'],
    ['不是残疾是重病', '残疾', '重病'],
  ])('cuts %j into %j turned down and %j wanted', (reply, denied, wanted) => {
    expect(denialAndRest(reply)).toMatchObject({ denied, wanted })
  })

  it.each([
    ['不是上户口 是办身份证', true],
    ['俺不是问这个，俺要办居住证', true],
    ['不是低保 是医保', false],
    ['不是身份证 是户口本', false],
  ])('tells whether %j asks for what it wants (%j)', (reply, requested) => {
    expect(denialAndRest(reply)?.requested).toBe(requested)
  })

  it.each(['不是，俺要办居住证', '不是说好了吗', '不是低保', '低保不是这么办的', '俺家不是低保户'])('finds nothing turned down and said instead in %j', (reply) => {
    expect(denialAndRest(reply)).toBeUndefined()
  })
})
