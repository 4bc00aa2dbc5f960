/**
 * Ticket ids short enough to read out on the phone: DB + yymmdd (Shanghai date) + a daily sequence of
 * at least 4 digits, e.g. DB2611220007. The sequence comes from an atomic counter in the store.
 */
import { shanghaiDate } from './calendar.js'

/** The counter key part for the day of `now`: yymmdd in Shanghai. */
export function ticketDay(now: number): string {
  return shanghaiDate(now).slice(2).replaceAll('-', '')
}

/** The id for the `seq`-th ticket of `day` (yymmdd). */
export function formatTicketId(day: string, seq: number): string {
  return `DB${day}${String(seq).padStart(4, '0')}`
}

/**
 * Ten digits, spaces allowed between them (read out in groups); an 11th and 12th only right after the 10th, so that
 * a number typed after the id (评价 DB2611230001 5) is not taken into it.
 */
const ID_IN_TEXT = /d\s*b\s*((?:\d\s*){9}\d{1,3})/i

/**
 * Finds a ticket id in what someone typed or said: case, spaces and full-width digits do not matter
 * ("db 2611 2200 07", "ＤＢ２６１１２２０００７"). Undefined when there is none.
 */
export function findTicketId(text: string): string | undefined {
  const halfWidth = text.normalize('NFKC')
  const m = ID_IN_TEXT.exec(halfWidth)
  if (!m?.[1]) return undefined
  return `DB${m[1].replace(/\s/g, '')}`
}

/** Whether `id` has the shape of a ticket id. */
export function isTicketId(id: string): boolean {
  return /^DB\d{10,12}$/.test(id)
}
