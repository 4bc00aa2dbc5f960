/**
 * Working days in Asia/Shanghai (UTC+8 all year, no daylight saving), from a holiday calendar:
 * weekends are rest days unless listed as 调休 workdays; listed holidays are rest days.
 * Pure: dates are 'YYYY-MM-DD' strings, instants are milliseconds since the epoch. A calendar is treated as
 * immutable (its day sets are cached per object): build a new one to change it.
 */

export interface HolidayCalendar {
  /** Public holidays (rest days), 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>
  /** 调休 weekend days that are workdays, 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>
  /** Years the calendar file covers; outside them only weekends count as rest days. */
  years: readonly number[]
}

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** An empty calendar: weekends only. */
export const WEEKENDS_ONLY: HolidayCalendar = { holidays: new Set(), workdays: new Set(), years: [] }

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant a Shanghai calendar date starts (00:00 +08:00). */
export function startOfShanghaiDay(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`)
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Days since 1970-01-01 (a Thursday) of a 'YYYY-MM-DD' date, and back. */
const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
const dateOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** The calendar's dates as day numbers, computed once per calendar (time limits are on every ticket's path). */
const numbered = new WeakMap<HolidayCalendar, { holidays: Set<number>; workdays: Set<number> }>()
function daySets(cal: HolidayCalendar): { holidays: Set<number>; workdays: Set<number> } {
  let sets = numbered.get(cal)
  if (sets === undefined) {
    sets = { holidays: new Set([...cal.holidays].map(dayNumber)), workdays: new Set([...cal.workdays].map(dayNumber)) }
    numbered.set(cal, sets)
  }
  return sets
}

function isWorkdayNumber(sets: { holidays: Set<number>; workdays: Set<number> }, n: number): boolean {
  if (sets.workdays.has(n)) return true
  if (sets.holidays.has(n)) return false
  const weekday = (n + 4) % 7 // 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** Whether `date` is a working day: a 调休 workday, or a weekday that is not a holiday. */
export function isWorkday(cal: HolidayCalendar, date: string): boolean {
  return isWorkdayNumber(daySets(cal), dayNumber(date))
}

/**
 * The date `n` working days after `date`: n ≥ 1 counts working days starting the day after;
 * n = 0 is `date` itself when it is a working day, else the next working day (即办).
 */
export function addWorkingDays(cal: HolidayCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  const sets = daySets(cal)
  let day = dayNumber(date)
  if (n === 0) {
    while (!isWorkdayNumber(sets, day)) day++
    return dateOf(day)
  }
  let left = n
  while (left > 0) {
    day++
    if (isWorkdayNumber(sets, day)) left--
  }
  return dateOf(day)
}

/** Working days in (from, to]: how many working days have passed since `from` by the end of `to`. */
export function countWorkingDays(cal: HolidayCalendar, from: string, to: string): number {
  const sets = daySets(cal)
  const last = dayNumber(to)
  let count = 0
  for (let day = dayNumber(from) + 1; day <= last; day++) if (isWorkdayNumber(sets, day)) count++
  return count
}

/**
 * The deadline of a limit of `days` working days counted from the instant `from`:
 * the end (24:00 Shanghai) of the last working day.
 */
export function workingDeadline(cal: HolidayCalendar, from: number, days: number): number {
  const last = addWorkingDays(cal, shanghaiDate(from), days)
  return startOfShanghaiDay(addCalendarDays(last, 1))
}

/**
 * The deadline of a limit of `days` calendar days (自然日, 法定 60 日) counted from the instant `from`: the end
 * (24:00 Shanghai) of the `days`th day after the day of `from`, rest days included.
 */
export function calendarDeadline(from: number, days: number): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`calendar days must be a whole number ≥ 0, got ${days}`)
  return startOfShanghaiDay(addCalendarDays(shanghaiDate(from), days + 1))
}
