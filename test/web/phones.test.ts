import { describe, expect, it } from 'vitest'
import { findPhones } from '../../src/channels/web/static/phones.js'

/** The numbers found in `text`, as written and as dialled. */
const phones = (text: string) => findPhones(text).map(({ text, tel }) => [text, tel])

describe('findPhones(reply)', () => {
  it('finds landlines with their area code, written with a hyphen, without one, or in brackets', () => {
    expect(phones('咨询电话：0539-7211000')).toEqual([['0539-7211000', '05397211000']])
    expect(phones('咨询电话：05397211000。')).toEqual([['05397211000', '05397211000']])
    expect(phones('请打(0539)7211080或（0539）7211081')).toEqual([
      ['(0539)7211080', '05397211080'],
      ['（0539）7211081', '05397211081'],
    ])
    expect(phones('北京：010-65123456')).toEqual([['010-65123456', '01065123456']])
    // No area code starts 00, and no local number starts 0 or 1.
    expect(phones('事项编码 000131129000，0539-1211000，0539-0211000')).toEqual([])
    // An extension is shown as part of the link but not dialled.
    expect(phones('0539-7211000-123 转人工')).toEqual([['0539-7211000-123', '05397211000']])
  })

  it('finds 11-digit mobiles starting 13 to 19, also grouped or with +86', () => {
    expect(phones('代办员 张三（13905391087）接单')).toEqual([['13905391087', '13905391087']])
    expect(phones('手机 138-1234-5678 或 138 1234 5678')).toEqual([
      ['138-1234-5678', '13812345678'],
      ['138 1234 5678', '13812345678'],
    ])
    expect(phones('电话 +86 13812345678')).toEqual([['+86 13812345678', '+8613812345678']])
    expect(phones('12812345678 和 11812345678')).toEqual([])
  })

  it('finds the hotlines (12345 12348 12349 12315 12331 12333 110 120), and no other short number', () => {
    expect(phones('也可以拨打 12345 政务服务便民热线。')).toEqual([['12345', '12345']])
    expect(phones('法律援助12348，妇女维权12349，报警110，急救120')).toEqual([
      ['12348', '12348'],
      ['12349', '12349'],
      ['110', '110'],
      ['120', '120'],
    ])
    // 12315 and 12331 are the catalogue's complaint lines, 12333 its social insurance line.
    expect(phones('投诉请打 12315 或 12331，社保 12333')).toEqual([['12315', '12315'], ['12331', '12331'], ['12333', '12333']])
    expect(phones('请打 12346 或 12300')).toEqual([])
  })

  it('leaves alone numbers that only contain a phone-like part', () => {
    // Ticket ids, ID-card numbers, longer runs of digits.
    expect(phones('工单 DB2611220007 已受理')).toEqual([])
    expect(phones('工单DB13812345678')).toEqual([])
    expect(phones('身份证号 371328198001011234 或 37132819800101123X')).toEqual([])
    expect(phones('编号 123456、9120、1100、A110、120B')).toEqual([])
    expect(phones('138123456789')).toEqual([])
    // Web addresses.
    expect(phones('来源：https://boruibiz.com/gongsizhuce/120.html、https://m.110ask.com/、?tel=12345&x=1')).toEqual([])
    // Dates, times, decimals and lists of numbers.
    expect(phones('办理时间 2026-11-24，2026-12-0')).toEqual([])
    expect(phones('2026-12345 和 12345-1 和 110.5 和 120,000')).toEqual([])
  })

  it('leaves alone amounts, counts and ordinals', () => {
    expect(phones('补贴 40 元，最多 120 元')).toEqual([])
    expect(phones('人民路 110 号，第 120 天，120个工作日，110 平方米，120 分钟，¥120')).toEqual([])
  })

  it('leaves alone the example number of a prompt, which belongs to nobody', () => {
    expect(phones('手机号要 11 位数字，以 1 开头，比如 13812345678。请再输一次：')).toEqual([])
    expect(phones('例如：13812345678')).toEqual([])
  })

  it('says where each number is, so the text around it stays as written', () => {
    const reply = '咨询电话：0539-7211070\n投诉电话：12345'
    const found = findPhones(reply)
    expect(found.map(({ start, end }) => reply.slice(start, end))).toEqual(['0539-7211070', '12345'])
    expect(found[0]).toMatchObject({ start: 5, end: 17 })
    expect(findPhones('')).toEqual([])
    // Calling it twice gives the same answer (the pattern's position is reset).
    expect(findPhones(reply)).toEqual(found)
  })
})
