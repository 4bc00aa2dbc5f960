/** Types for options.js (plain JavaScript served to the browser, also imported by tests). */
export interface Choice {
  n: number
  label: string
}
/** The numbered choices at the end of a bot reply, or [] when it does not end with any. */
export function parseOptions(text: string): Choice[]
/** The reply cut where its numbered choices begin: the text before, the choices as written, and the choices. */
export function splitOptions(text: string): { body: string; tail: string; choices: Choice[]; after?: string }
