/**
 * catalog/holidays.yaml: public holidays and 调休 workdays, checked like the catalogue
 * (errors name file, line and field), turned into a HolidayCalendar.
 */
import { z } from 'zod'
import { parseYamlWithSchema, renderPath, type SourceError } from '../catalog/yaml-source.js'
import { addCalendarDays, type HolidayCalendar } from './calendar.js'

const date = z
  .string({ error: '应为日期，写成 2026-10-01 这样' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期写成 2026-10-01 这样（月、日都写两位）' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    error: '没有这一天，请核对日期',
  })

const name = z.string({ error: '应为文字（名称）' }).trim().min(1, { error: '不能为空（名称）' })

export const HolidaysFileSchema = z.strictObject({
  /** Years whose arrangements are complete in this file. */
  覆盖年份: z.array(z.number().int({ error: '应为年份，如 2026' }).min(2000).max(2100)).min(1, { error: '至少写一个年份' }),
  放假: z.array(z.strictObject({ 名称: name, 从: date, 到: date })).default([]),
  调休上班: z.array(z.strictObject({ 名称: name, 日期: date })).default([]),
})
export type HolidaysFile = z.output<typeof HolidaysFileSchema>

const MAX_HOLIDAY_DAYS = 15

/** From this month on, next year's 放假安排 (published by the State Council around November) should be in the file. */
const NEXT_YEAR_FROM_MONTH = 11

export type HolidaysResult = { ok: true; calendar: HolidayCalendar; warnings: SourceError[] } | { ok: false; errors: SourceError[] }

/**
 * Checks the holiday file's text and builds the calendar; every problem is reported with its line. `today`
 * (YYYY-MM-DD, Shanghai) warns when this year, or from November next year, is not covered: due dates there are
 * counted with weekends only, so overdue alerts would come before the holidays are over.
 */
export function validateHolidays(file: string, text: string, today?: string): HolidaysResult {
  const parsed = parseYamlWithSchema(file, text, HolidaysFileSchema)
  if (!parsed.ok) return parsed
  const { value, locate } = parsed
  const errors: SourceError[] = []
  const err = (path: (string | number)[], message: string) => {
    const { line, column } = locate(path)
    errors.push({ file, line, column, path: renderPath(path), message })
  }
  const years = new Set(value.覆盖年份)
  const inYears = (d: string) => years.has(Number(d.slice(0, 4)))

  const holidays = new Set<string>()
  value.放假.forEach((h, i) => {
    if (h.到 < h.从) return err(['放假', i, '到'], `结束日期 ${h.到} 早于开始日期 ${h.从}`)
    if (!inYears(h.从)) return err(['放假', i, '从'], `${h.从} 不在 覆盖年份 里，请把年份加进 覆盖年份`)
    let days = 0
    for (let d = h.从; d <= h.到; d = addCalendarDays(d, 1)) {
      if (++days > MAX_HOLIDAY_DAYS) return err(['放假', i, '到'], `一次放假超过 ${MAX_HOLIDAY_DAYS} 天，请核对日期`)
      holidays.add(d)
    }
  })

  const workdays = new Set<string>()
  value.调休上班.forEach((w, i) => {
    const weekday = new Date(`${w.日期}T00:00:00Z`).getUTCDay()
    if (!inYears(w.日期)) return err(['调休上班', i, '日期'], `${w.日期} 不在 覆盖年份 里，请把年份加进 覆盖年份`)
    if (weekday !== 0 && weekday !== 6) return err(['调休上班', i, '日期'], `${w.日期} 不是周末，本来就上班，不用写在调休上班里`)
    if (holidays.has(w.日期)) return err(['调休上班', i, '日期'], `${w.日期} 同时写在了放假里，请核对`)
    if (workdays.has(w.日期)) return err(['调休上班', i, '日期'], `${w.日期} 重复出现`)
    workdays.add(w.日期)
  })

  if (errors.length > 0) return { ok: false, errors }
  const warnings: SourceError[] = []
  if (today !== undefined) {
    const year = Number(today.slice(0, 4))
    const wanted = Number(today.slice(5, 7)) >= NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year]
    for (const y of wanted.filter((y) => !years.has(y))) {
      const { line, column } = locate(['覆盖年份'])
      warnings.push({
        file, line, column, path: '覆盖年份',
        message: `没有 ${y} 年的放假安排：${y} 年的办结期限只按周末算，没算元旦、春节等假期。国务院公布 ${y} 年放假安排后，请把放假和调休上班写上，并把 ${y} 加进 覆盖年份`,
      })
    }
  }
  return { ok: true, calendar: { holidays, workdays, years: [...years].sort() }, warnings }
}
