/** Types for phones.js (plain JavaScript served to the browser, also imported by tests). */
export interface Phone {
  /** Where the number starts and ends in the text (end exclusive). */
  start: number
  end: number
  /** The number as written, e.g. (0539)7211080. */
  text: string
  /** What to dial: digits only, with a leading + for a country code, e.g. 05397211080. */
  tel: string
}
/** The phone numbers in a bot reply that a resident could call, in order. */
export function findPhones(text: string): Phone[]
