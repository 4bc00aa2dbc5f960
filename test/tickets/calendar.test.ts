import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  countWorkingDays,
  isWorkday,
  shanghaiDate,
  workingDeadline,
  WEEKENDS_ONLY,
} from '../../src/tickets/calendar.js'
import { validateHolidays } from '../../src/tickets/holidays-file.js'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { CALENDAR } from './fixtures.js'

describe('isWorkday(calendar, date)', () => {
  it('rests on public holidays and weekends, works on 调休 Saturdays', () => {
    expect(isWorkday(CALENDAR, '2026-10-01')).toBe(false) // 国庆
    expect(isWorkday(CALENDAR, '2026-10-10')).toBe(true) // Saturday, 调休上班
    expect(isWorkday(CALENDAR, '2026-10-11')).toBe(false) // Sunday
    expect(isWorkday(CALENDAR, '2026-09-30')).toBe(true) // Wednesday
    expect(isWorkday(CALENDAR, '2026-02-14')).toBe(true) // Saturday before 春节, 调休上班
    expect(isWorkday(CALENDAR, '2026-02-16')).toBe(false) // Monday in 春节
  })
})

describe('addWorkingDays(calendar, date, n)', () => {
  it('2026-09-30 + 3 working days skips 国庆 and counts the 10-10 调休 Saturday', () => {
    expect(addWorkingDays(CALENDAR, '2026-09-30', 3)).toBe('2026-10-10')
  })
  it('without the calendar the same sum lands on 10-05', () => {
    expect(addWorkingDays(WEEKENDS_ONLY, '2026-09-30', 3)).toBe('2026-10-05')
  })
  it('counts from the day after, skipping a weekend', () => {
    expect(addWorkingDays(CALENDAR, '2026-11-20', 1)).toBe('2026-11-23') // Friday + 1 → Monday
  })
  it('即办 (0) is the day itself when it is a working day, else the next one', () => {
    expect(addWorkingDays(CALENDAR, '2026-11-23', 0)).toBe('2026-11-23')
    expect(addWorkingDays(CALENDAR, '2026-10-03', 0)).toBe('2026-10-08')
  })
  it('refuses negative or fractional days', () => {
    expect(() => addWorkingDays(CALENDAR, '2026-11-23', -1)).toThrow(RangeError)
    expect(() => addWorkingDays(CALENDAR, '2026-11-23', 1.5)).toThrow(RangeError)
  })
})

describe('countWorkingDays(calendar, from, to)', () => {
  it('counts working days after from up to and including to', () => {
    expect(countWorkingDays(CALENDAR, '2026-09-30', '2026-10-10')).toBe(3)
    expect(countWorkingDays(CALENDAR, '2026-11-23', '2026-11-23')).toBe(0)
    expect(countWorkingDays(CALENDAR, '2026-11-20', '2026-11-27')).toBe(5)
  })
})

describe('workingDeadline(calendar, from, days)', () => {
  it('ends at 24:00 Shanghai of the last working day', () => {
    const from = Date.parse('2026-09-30T16:00:00+08:00')
    expect(workingDeadline(CALENDAR, from, 3)).toBe(Date.parse('2026-10-11T00:00:00+08:00'))
  })
  it('uses the Shanghai date: 23:30 UTC on the 29th is already the 30th', () => {
    expect(shanghaiDate(Date.parse('2026-09-29T23:30:00Z'))).toBe('2026-09-30')
  })
})

describe('validateHolidays(file, text)', () => {
  const errors = (text: string) => {
    const r = validateHolidays('catalog/holidays.yaml', text)
    return r.ok ? [] : r.errors.map(formatSourceError)
  }
  it('loads the real file with every 调休 workday of 2025 and 2026', () => {
    expect(CALENDAR.workdays.size).toBe(11)
    expect(CALENDAR.years).toEqual([2025, 2026])
  })
  it('warns, naming 覆盖年份, when this year or (from November) next year has no 放假安排', () => {
    const text = ['覆盖年份: [2026]', '放假: []', '调休上班: []'].join('\n')
    const warnings = (today: string) => {
      const r = validateHolidays('catalog/holidays.yaml', text, today)
      return r.ok ? r.warnings.map(formatSourceError) : r.errors.map(formatSourceError)
    }
    expect(warnings('2026-10-31')).toEqual([])
    expect(warnings('2026-11-01')).toEqual([expect.stringMatching(/^catalog\/holidays\.yaml:1 覆盖年份：没有 2027 年的放假安排：.*并把 2027 加进 覆盖年份$/)])
    expect(warnings('2027-03-01')).toEqual([expect.stringContaining('没有 2027 年的放假安排')])
    // Without a date (tests, tools) nothing is assumed.
    const r = validateHolidays('catalog/holidays.yaml', text)
    expect(r.ok && r.warnings).toEqual([])
  })
  it('names the line of a 调休 date that is not a weekend', () => {
    const text = ['覆盖年份: [2026]', '放假: []', '调休上班:', '  - { 名称: 错的, 日期: 2026-10-09 }'].join('\n')
    expect(errors(text)).toEqual(['catalog/holidays.yaml:4 调休上班[1].日期：2026-10-09 不是周末，本来就上班，不用写在调休上班里'])
  })
  it('names the field of a range that ends before it starts, and a badly written date', () => {
    const text = ['覆盖年份: [2026]', '放假:', '  - 名称: 国庆', '    从: 2026-10-07', '    到: 2026-10-01'].join('\n')
    expect(errors(text)).toEqual(['catalog/holidays.yaml:5 放假[1].到：结束日期 2026-10-01 早于开始日期 2026-10-07'])
    const bad = ['覆盖年份: [2026]', '放假:', '  - { 名称: 国庆, 从: 2026-10-1, 到: 2026-10-07 }'].join('\n')
    expect(errors(bad)[0]).toMatch(/^catalog\/holidays\.yaml:3 放假\[1\]\.从：日期写成 2026-10-01 这样/)
  })
  it('refuses a date outside the covered years', () => {
    const text = ['覆盖年份: [2026]', '放假:', '  - { 名称: 元旦, 从: 2027-01-01, 到: 2027-01-01 }'].join('\n')
    expect(errors(text)[0]).toContain('2027-01-01 不在 覆盖年份 里')
  })
})
