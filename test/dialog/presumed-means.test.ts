import { describe, expect, it } from 'vitest'
import { yesNoMeans } from '../../src/dialog/turn.js'

describe('yesNoMeans(prompt, yes)', () => {
  it('says a 有没有 question as 有 or 没有', () => {
    expect(yesNoMeans('家里有没有残疾或生重病的人？', true)).toBe('家里有残疾或生重病的人')
    expect(yesNoMeans('有没有人因为打药中毒、去医院看病？', false)).toBe('没有人因为打药中毒、去医院看病')
  })
  it('says a 是不是 / 是否 question without it, or with 不是; a loss as 丢了 or 没丢', () => {
    expect(yesNoMeans('是不是委托别人（或村居）替您申请？', true)).toBe('委托别人（或村居）替您申请')
    expect(yesNoMeans('是不是委托别人（或村居）替您申请？', false)).toBe('不是委托别人（或村居）替您申请')
    expect(yesNoMeans('《独生子女父母光荣证》是不是丢了？', true)).toBe('《独生子女父母光荣证》丢了')
    expect(yesNoMeans('《独生子女父母光荣证》是不是丢了？', false)).toBe('《独生子女父母光荣证》没丢')
  })
  it('leaves other questions to the caller (undefined)', () => {
    expect(yesNoMeans('是给孩子办，或者是智力、精神方面的残疾吗？', true)).toBeUndefined()
  })
})
