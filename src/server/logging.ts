/**
 * pino JSON logs with phone and ID numbers masked (138****5678, 370***********1234) wherever they appear.
 * Residents type their numbers into free text, so masking by field name would miss most of them; instead
 * every finished line is checked, which also covers messages, errors and child-logger bindings (pino's
 * formatters do not see the latter two).
 */
import { pino, type DestinationStream, type Logger } from 'pino'
import { maskText } from '../tickets/mask.js'

export type { Logger } from 'pino'

export interface LoggerOptions {
  level: string
  /** Where masked lines go; defaults to stdout. Tests pass a stream that collects them. */
  destination?: DestinationStream
}

/** A JSON logger whose every line is masked. */
export function createLogger(opts: LoggerOptions): Logger {
  const target = opts.destination ?? pino.destination({ dest: 1, sync: true })
  const masking: DestinationStream = { write: (line) => target.write(maskLogLine(line)) }
  return pino({ level: opts.level, base: { pid: process.pid } }, masking)
}

/**
 * One pino line with phone and ID numbers masked, still valid JSON. Lines without such numbers (almost
 * all; the 13-digit timestamp does not look like one) are returned as they are, without parsing.
 */
export function maskLogLine(line: string): string {
  if (maskText(line) === line) return line
  try {
    return JSON.stringify(maskDeep(JSON.parse(line))) + '\n'
  } catch {
    // Not JSON after all: masking the text is still better than leaking it.
    return maskText(line)
  }
}

/** A copy of a JSON value with every phone and ID number masked, in strings and in numbers that look like one. */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value)
  if (typeof value === 'number') {
    const text = String(value)
    const masked = maskText(text)
    return masked === text ? value : masked
  }
  if (Array.isArray(value)) return value.map(maskDeep)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v)
  return out
}
