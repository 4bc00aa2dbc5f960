import { describe, expect, it } from 'vitest'
import { findTicketId, formatTicketId, ticketDay } from '../../src/tickets/ids.js'
import { parseRating, parseRatingReply } from '../../src/tickets/rating.js'

describe('ticket ids', () => {
  it('are DB + yymmdd (Shanghai) + a 4-digit daily sequence', () => {
    expect(formatTicketId(ticketDay(Date.parse('2026-11-21T16:30:00Z')), 7)).toBe('DB2611220007')
    expect(formatTicketId('261122', 12345)).toBe('DB26112212345')
  })
  it('are found in what people type: spaces, lower case, full-width digits', () => {
    expect(findTicketId('查询 db 2611 2200 07')).toBe('DB2611220007')
    expect(findTicketId('取消ＤＢ２６１１２２０００７吧')).toBe('DB2611220007')
    expect(findTicketId('我想办低保')).toBeUndefined()
  })
})

describe('parseRating(text)', () => {
  it('reads digits, Chinese numerals and the five level names', () => {
    expect(['5', '５', '五星', '4分', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '一'].map(parseRating)).toEqual([
      5, 5, 5, 4, 5, 4, 3, 2, 1, 1,
    ])
  })
  it('takes nothing else for a rating', () => {
    expect(['6', '0', '5个人', '我想办低保', '满意吗我问你', ''].map(parseRating)).toEqual([
      undefined, undefined, undefined, undefined, undefined, undefined,
    ])
  })
  it('reads everyday words with their particles, but not a bare 好 / 行 / 中 (as often "noted" as a score)', () => {
    expect(['挺好的', '还行吧', '不错', '一般般', '太差了！', '很满意啊'].map(parseRating)).toEqual([4, 3, 4, 3, 1, 5])
    expect(['好', '好的', '行', '中', '谢谢', '不好意思', '很好很好'].map(parseRating)).toEqual([
      undefined, undefined, undefined, undefined, undefined, undefined, undefined,
    ])
  })
})

describe('parseRatingReply(text)', () => {
  it('takes a score said first and what follows it as the comment', () => {
    expect(parseRatingReply('不满意 太慢了')).toEqual({ score: 2, comment: '太慢了' })
    expect(parseRatingReply('不满意太慢了')).toEqual({ score: 2, comment: '太慢了' })
    expect(parseRatingReply('2 跑了三趟')).toEqual({ score: 2, comment: '跑了三趟' })
    expect(parseRatingReply('挺好的，谢谢你们')).toEqual({ score: 4, comment: '谢谢你们' })
    expect(parseRatingReply('5')).toEqual({ score: 5 })
  })
  it('does not read a score out of words that run on (不好意思, 25, 1号, 满意吗)', () => {
    expect(['不好意思 问一下', '25', '1号', '满意吗', '一个人去的'].map(parseRatingReply)).toEqual([
      undefined, undefined, undefined, undefined, undefined,
    ])
  })
})
