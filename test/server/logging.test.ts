import { describe, expect, it } from 'vitest'
import { createLogger, maskLogLine } from '../../src/server/logging.js'

function capture() {
  const lines: string[] = []
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } })
  return { logger, lines, last: () => lines.at(-1) ?? '' }
}

const PHONE = '13812345678'
const ID = '370102199001011234'

describe('createLogger(): phone and ID numbers masked in every line', () => {
  it('masks them in the message', () => {
    const { logger, last } = capture()
    logger.info(`居民留了电话 ${PHONE}，身份证 ${ID}`)
    const line = JSON.parse(last())
    expect(line.msg).toBe('居民留了电话 138****5678，身份证 370***********1234')
  })

  it('masks them in logged objects, nested and in arrays, and in numbers that look like a phone', () => {
    const { logger, last } = capture()
    logger.info({ resident: { text: `我是${ID}`, phones: [PHONE, 42] }, phone: Number(PHONE) }, '收到消息')
    const line = JSON.parse(last())
    expect(line.resident).toEqual({ text: '我是370***********1234', phones: ['138****5678', 42] })
    expect(line.phone).toBe('138****5678')
  })

  it('masks them in errors (message and stack) and in child-logger bindings', () => {
    const { logger, last } = capture()
    logger.child({ userId: `wx-${PHONE}` }).error({ err: new Error(`号码 ${PHONE} 无效`) }, '出错了')
    const text = last()
    expect(text).not.toContain(PHONE)
    const line = JSON.parse(text)
    expect(line.userId).toBe('wx-138****5678')
    expect(line.err.message).toBe('号码 138****5678 无效')
    expect(line.err.stack).toContain('号码 138****5678 无效')
  })

  it('leaves lines without such numbers untouched, timestamps included', () => {
    const { logger, last } = capture()
    logger.info({ count: 12345, ticket: 'DB2611220007' }, '普通日志')
    const line = JSON.parse(last())
    expect(line.count).toBe(12345)
    expect(line.ticket).toBe('DB2611220007')
    expect(typeof line.time).toBe('number')
  })
})

describe('maskLogLine(line)', () => {
  it('keeps a line valid JSON when a phone was a bare number', () => {
    const masked = maskLogLine(`{"level":30,"phone":${PHONE}}\n`)
    expect(JSON.parse(masked)).toEqual({ level: 30, phone: '138****5678' })
  })

  it('still masks text that is not JSON', () => {
    expect(maskLogLine(`plain ${PHONE}\n`)).toBe('plain 138****5678\n')
  })
})
