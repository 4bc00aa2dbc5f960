/**
 * An admin-edited YAML file checked against a zod schema, with every problem placed at a file and line
 * (`catalog/items/xxx.yaml:12 申请材料[3].份数：应为正整数，实际为 "两份"`). Used for the catalogue and the dialogs.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import type { z } from 'zod'
import { chineseDefaults, describeIssues, type IssueReport } from './zod-issues.js'
import { PARSE_OPTIONS, swallowedComments, syntaxProblems, unresolvedAlias, type SyntaxProblem } from './yaml-syntax.js'

/** One problem in one file. `line` and `column` count from 1; line 0 means the file as a whole (e.g. it is missing). */
export interface SourceError {
  file: string
  line: number
  column: number
  /** Where in the file's structure, as the admin sees it: `申请材料[3].份数` (list positions count from 1). */
  path: string
  message: string
}

/** `file:line path：message` — the form editors and terminals turn into a link to the line. */
export function formatSourceError(e: SourceError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}` : e.file
  return e.path === '' ? `${where} ${e.message}` : `${where} ${e.path}：${e.message}`
}

export type Position = { line: number; column: number }

/** A valid file: its value, and the position of any path in it (for checks that span files). */
export type Located<T> = { ok: true; value: T; locate(path: (string | number)[]): Position }

/** Chinese names for keys that are not Chinese themselves, shown next to the key in messages. */
export type KeyLabels = Readonly<Record<string, string>>

/** Parses `text` and checks it with `schema`; on failure returns every problem found, each with its line. */
export function parseYamlWithSchema<T>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
  labels?: KeyLabels,
): Located<T> | { ok: false; errors: SourceError[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter })

  if (doc.errors.length > 0) return { ok: false, errors: syntaxProblems(text, doc, lineCounter).map((p) => syntaxError(file, p)) }
  // Valid YAML that lost text to a comment; reported with the schema's errors, which it does not disturb.
  const comments = swallowedComments(text, doc, lineCounter).map((p) => syntaxError(file, p))

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 })
  } catch (err) {
    const alias = unresolvedAlias(doc, lineCounter, text.split(/\r?\n/))
    if (alias) return { ok: false, errors: [syntaxError(file, alias)] }
    return { ok: false, errors: [{ file, line: 1, column: 1, path: '', message: `YAML 内容无法读取：${(err as Error).message}` }] }
  }

  const locate = (path: (string | number)[], key?: string): Position => {
    const { line, col } = lineCounter.linePos(offsetOf(doc, path, key))
    return { line, column: col }
  }

  const messages = chineseDefaults()
  const result = schema.safeParse(data, { reportInput: true, error: messages.map })
  if (result.success && comments.length === 0) return { ok: true, value: result.data, locate: (path) => locate(path) }
  if (result.success) return { ok: false, errors: comments }

  const reports = describeIssues(result.error.issues, data, schema, messages.isDefault, labels)
  const errors = [...comments, ...reports.map((r) => toSourceError(file, r, locate))]
  return { ok: false, errors: comments.length > 0 ? errors.sort((a, b) => a.line - b.line) : errors }
}

function syntaxError(file: string, p: SyntaxProblem): SourceError {
  return { file, line: p.line, column: p.column, path: '', message: `YAML 格式错误：${p.message}` }
}

function toSourceError(file: string, r: IssueReport, locate: (p: (string | number)[], key?: string) => Position): SourceError {
  const { line, column } = locate(r.path, r.key)
  return { file, line, column, path: renderPath(r.path), message: r.message }
}

/** `申请材料[3].份数`: keys joined with dots, list positions counted from 1 as an admin counts the dashes. */
export function renderPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg + 1}]`
    else out += out === '' ? seg : `.${seg}`
  }
  return out
}

/**
 * Offset of the deepest node on `path` that exists: a map entry points at its key (so `申请材料` is the line
 * that says 申请材料:, not its first item), a list item at its dash's content. With `key`, the key inside the map at path.
 */
function offsetOf(doc: Document, path: (string | number)[], key?: string): number {
  let node: unknown = doc.contents
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0
  const segments = key === undefined ? path : [...path, key]
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg))
      if (pair === undefined) break
      offset = (pair.key as Node | null)?.range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined
      if (item === undefined) break
      offset = item.range?.[0] ?? offset
      node = item
    } else break
  }
  return offset
}
