import { describe, expect, it } from 'vitest'
import { findTicketId, formatTicketId, ticketDay } from '../../src/tickets/ids.js'
import { parseRating } from '../../src/tickets/rating.js'

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
})
