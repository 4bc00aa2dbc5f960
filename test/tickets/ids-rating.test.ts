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
    // A score typed after the id is not part of it.
    expect(findTicketId('评价 DB2611230001 5')).toBe('DB2611230001')
    expect(findTicketId('评价 DB26112300012')).toBe('DB26112300012')
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
    expect(parseRatingReply('不满意 太慢了')).toEqual({ score: 2, comment: '太慢了', explicit: true })
    expect(parseRatingReply('不满意太慢了')).toEqual({ score: 2, comment: '太慢了', explicit: true })
    expect(parseRatingReply('2 跑了三趟')).toEqual({ score: 2, comment: '跑了三趟', explicit: false })
    expect(parseRatingReply('挺好的，谢谢你们')).toEqual({ score: 4, comment: '谢谢你们', explicit: false })
    expect(parseRatingReply('5')).toEqual({ score: 5, explicit: false })
  })

  it('takes a unit after a space (5 分) and a label said again (2 不满意) as the score alone, said beyond doubt', () => {
    expect(parseRatingReply('5 分')).toEqual({ score: 5, explicit: true })
    expect(parseRatingReply('2 不满意')).toEqual({ score: 2, explicit: true })
    expect(parseRatingReply('5 非常满意！')).toEqual({ score: 5, explicit: true })
  })

  it('reads a score given in words (给3分吧, 打个好评), with particles after the unit (3分吧 一般般) or a 满意 word run on (五星好评)', () => {
    expect(parseRatingReply('给3分吧')).toEqual({ score: 3, explicit: true })
    expect(parseRatingReply('俺给五星')).toEqual({ score: 5, explicit: true })
    expect(parseRatingReply('就打个好评吧')).toEqual({ score: 5, explicit: true })
    expect(parseRatingReply('3分吧 一般般')).toEqual({ score: 3, comment: '一般般', explicit: true })
    expect(parseRatingReply('五星好评')).toEqual({ score: 5, comment: '好评', explicit: true })
    expect(parseRatingReply('5分满意')).toEqual({ score: 5, comment: '满意', explicit: true })
    // Not a score (not even with a comment): giving or doing something else, a time, a question.
    const notScores = ['给低保', '打电话', '给3个人办', '给5 个人办', '打3 次电话了', '打不好', '5分钟', '打5分钟电话', '给5分吗', '给我打电话', '打个车', '五星级酒店', '给个说法']
    expect(notScores.map((t) => parseRatingReply(t)?.asks === true ? undefined : parseRatingReply(t))).toEqual(notScores.map(() => undefined))
    expect(parseRatingReply('给 5')).toEqual({ score: 5, explicit: false })
    // A tag question after a score with its unit asks for nothing new.
    expect(parseRatingReply('3分吧 中不中')).toEqual({ score: 3, explicit: true })
    expect(parseRatingReply('五星 行不行？')).toEqual({ score: 5, explicit: true })
    expect(parseRatingReply('3 中不中')).toMatchObject({ asks: true })
  })

  it('marks a comment that asks something (a new question, unless 评价 came first)', () => {
    expect(parseRatingReply('满意，我还想问问')).toMatchObject({ score: 4, asks: true })
    expect(parseRatingReply('2 为什么这么慢')).toMatchObject({ score: 2, asks: true })
    // Run on: not a score at all.
    expect(['还可以补办吗', '还可以用医保卡吗', '过得去吗', '2 分钟能办完吗', '不太好意思'].map(parseRatingReply)).toEqual([
      undefined, undefined, undefined, undefined, undefined,
    ])
  })
  it('does not read a score out of words that run on (不好意思, 25, 1号, 满意吗)', () => {
    expect(['不好意思 问一下', '25', '1号', '满意吗', '一个人去的'].map(parseRatingReply)).toEqual([
      undefined, undefined, undefined, undefined, undefined,
    ])
  })
})
