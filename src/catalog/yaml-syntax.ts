/**
 * YAML syntax errors in Chinese, placed on the line where the admin made the slip.
 *
 * The `yaml` library reports where it got stuck, which is often not where the slip is: an unclosed quote is
 * reported where the text runs out, an over-indented field at the line above it (whose value it seems to
 * continue), an unclosed bracket at the next line; and one slip trips several rules over the following lines.
 * So only the first error is explained, at the line that caused it. Then that line is repaired the way the
 * message says and the file parsed again, to find the next slip that does not depend on it; when no repair
 * clearly helps, the message says the rest of the file is checked once this slip is fixed.
 */
import { isScalar, LineCounter, Parser, parseDocument, visit, type Document, type YAMLError } from 'yaml'

export interface SyntaxProblem {
  /** From 1, as an editor counts. */
  line: number
  column: number
  message: string
}

export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const

/** Bounds the parse-repair-parse loop; a file with more slips than this gets them in further rounds. */
const MAX_ROUNDS = 20

const LATER = '（先改好这一处再检查一遍：这一处没改好，后面的内容没法检查）'

/** Every syntax slip of `text`, given its first parse (which has errors), one problem per slip. */
export function syntaxProblems(text: string, doc: Document.Parsed, lineCounter: LineCounter): SyntaxProblem[] {
  const found: SyntaxProblem[] = []
  let current: Parse = { doc, lineCounter, lines: text.split(/\r?\n/) }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const linePos = (offset: number) => current.lineCounter.linePos(offset)
    const blocking = current.doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0])
    const cause = blocking[0]
    const causeLine = cause ? linePos(cause.pos[0]).line : Infinity
    // A duplicate key is found after parsing and trips nothing else; past the first stuck point the structure
    // is a guess, so only the duplicates before it are real.
    for (const e of current.doc.errors) {
      if (e.code !== 'DUPLICATE_KEY') continue
      const { line, col } = linePos(e.pos[0])
      if (line < causeLine && !found.some((p) => p.line === line)) {
        found.push({ line, column: col, message: duplicateKey(current.lines[line - 1] ?? '') })
      }
    }
    if (cause === undefined) break

    const d = diagnose(cause, current.lines.join('\n'), current.lines, linePos)
    const before = troubledLines(current)
    // A repair is kept only if it clears the slip's line and leaves fewer lines in trouble: a wrong guess shifts
    // the structure and trips more rules than it clears, and those errors would be ours, not the admin's.
    let best: Parse | undefined
    for (const fixed of new Set(d.fixes)) {
      const lines = [...current.lines]
      lines[d.line - 1] = fixed
      const next = parse(lines)
      const after = troubledLines(next)
      if ([...after].some((l) => l <= d.line) || after.size >= before.size) continue
      if (best === undefined || after.size < troubledLines(best).size) best = next
    }
    const others = [...before].some((l) => l !== causeLine && l !== d.line)
    found.push({ line: d.line, column: d.column, message: d.message + (best === undefined && others ? LATER : '') })
    if (best === undefined) break
    current = best
  }
  return found.sort((a, b) => a.line - b.line)
}

type Parse = { doc: Document.Parsed; lineCounter: LineCounter; lines: string[] }

function parse(lines: string[]): Parse {
  const lineCounter = new LineCounter()
  return { doc: parseDocument(lines.join('\n'), { ...PARSE_OPTIONS, lineCounter }), lineCounter, lines }
}

/** The lines the parser got stuck on. */
function troubledLines(p: Parse): Set<number> {
  return new Set(p.doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => p.lineCounter.linePos(e.pos[0]).line))
}

/**
 * A `#` after a text value starts a comment, so `窗口: 3 号窗口 #2` silently loses "#2". Valid YAML, but an
 * admin writing a comment puts it on a line of its own (as the shipped files do), so it is reported.
 */
export function swallowedComments(text: string, doc: Document.Parsed, lineCounter: LineCounter): SyntaxProblem[] {
  const found: SyntaxProblem[] = []
  if (!/[ \t]#/.test(text)) return found
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value
      if (!isScalar(value) || value.type !== 'PLAIN' || typeof value.value !== 'string' || !value.range) return
      const rest = /^[ \t]+#([^\r\n]*)/.exec(text.slice(value.range[1]))
      if (!rest) return
      const { line, col } = lineCounter.linePos(value.range[1] + rest[0].indexOf('#'))
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const whole = `${value.value} #${rest[1]!.trimEnd()}`
      found.push({
        line,
        column: col,
        message:
          `"#" 和后面的 "${rest[1]!.trim()}" 被当成了注释，不会读进去：如果 # 是内容的一部分，请给整段值加引号，` +
          `写成 ${key}: "${whole.replaceAll('"', '\\"')}"；如果是注释，请把它单独写成一行`,
      })
    },
  })
  return found
}

const MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: '缩进不对，同一层的内容要左对齐',
  BLOCK_AS_IMPLICIT_KEY: '缩进不对，同一层的内容要左对齐',
  TAB_AS_INDENT: '这一行用了 Tab 缩进，请把 Tab 改成空格',
  MULTILINE_IMPLICIT_KEY: '这一行不是 "字段: 值" 的写法',
  MISSING_CHAR: '这一行不是 "字段: 值" 的写法',
  BAD_SCALAR_START: '值不能以 @、` 等符号开头，请给整段文字加引号',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 里不能换行写 "- " 列表',
  MULTIPLE_DOCS: '一个文件只能有一份内容，请删掉 "---" 分隔线',
  UNEXPECTED_TOKEN: '这里有看不懂的字符',
  BAD_DQ_ESCAPE: '双引号里的 \\ 转义写法不对，可改用单引号',
  BAD_ALIAS: '引用（*名称）写法不对',
  KEY_OVER_1024_CHARS: '字段名太长',
}

/** `fixes`: candidate texts for the slip's line, tried in turn to find the next independent slip. */
type Diagnosis = { line: number; column: number; message: string; fixes: string[] }

function diagnose(
  error: YAMLError,
  text: string,
  lines: string[],
  linePos: (offset: number) => { line: number; col: number },
): Diagnosis {
  const { line, col } = linePos(error.pos[0])
  const lineText = lines[line - 1] ?? ''
  const at = (message: string, ...fixes: string[]): Diagnosis => ({ line, column: col, message, fixes })

  if (/^[ \t]*\u3000/.test(lineText)) {
    // A full-width space (the Chinese input method's) is not indentation to YAML; it reads as part of the key.
    const rest = lineText.replace(/^[ \t\u3000]+/, '')
    const lead = lineText.length - rest.length
    const asHalf = (per: number) => ' '.repeat([...lineText.slice(0, lead)].reduce((n, ch) => n + (ch === '\u3000' ? per : 1), 0)) + rest
    return at('这一行开头用了全角空格（中文输入法打出的空格），请改成半角空格', asHalf(2), asHalf(1))
  }

  if (error.code === 'TAB_AS_INDENT') {
    // The width the tab stood for is a guess: that of the line above, one step in from it, or that of the next line.
    const rest = lineText.trimStart()
    const dash = keyColumnOf(rest)
    const near = [contentBefore(lines, line).next().value, contentAfter(lines, line)].flatMap((l) => (l ? [l.text] : []))
    const widths = near.flatMap((t) => [indentOf(t), keyColumnOf(t), keyColumnOf(t) + 2, keyColumnOf(t) - dash])
    return at(MESSAGES.TAB_AS_INDENT!, ...widths.filter((w) => w >= 0).map((w) => ' '.repeat(w) + rest))
  }

  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    // Reported where the text ran out (for a single quote, the end of the file); the slip is the opening quote.
    const open = lastUnclosed(text, error.pos[0], 'quote')
    if (open === undefined) return at('引号没有配对，缺少结尾的引号')
    const p = linePos(open.offset)
    const opener = lines[p.line - 1] ?? ''
    return { line: p.line, column: p.col, message: `引号没有配对：这一行的 ${open.char} 后面缺少结尾的 ${open.char}`, fixes: [opener.trimEnd() + open.char] }
  }

  if (/flow/i.test(error.message) && (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR' || error.code === 'UNEXPECTED_TOKEN')) {
    // Reported on the next line, where the parser noticed the bracket was never closed.
    const open = lastUnclosed(text, error.pos[0], 'flow')
    if (open === undefined) return at('方括号 [ ] 或花括号 { } 没有配对')
    const p = linePos(open.offset)
    const close = open.char === '[' ? ']' : '}'
    const opener = lines[p.line - 1] ?? ''
    return { line: p.line, column: p.col, message: `括号没有配对：这一行的 "${open.char}" 后面缺少结尾的 "${close}"`, fixes: [opener.trimEnd() + close] }
  }

  const starred = /^(\s*(?:-\s+)?[^\s:#][^:]*:\s+|\s*-\s+)([*&].*)$/.exec(lineText)
  if (error.code === 'UNEXPECTED_TOKEN' && starred) return aliasSlip(line, starred[1]!, starred[2]!)

  if (error.code === 'UNEXPECTED_TOKEN' && /:\s*["']/.test(lineText)) {
    return at('以引号开头的值，结尾引号后面不能再有文字：去掉这对引号，或把整段放进引号里（里面的引号改用 “ ”）')
  }

  const code = withoutComment(lineText)
  if (/^\s*-(\s|$)/.test(lineText) && col - 1 <= lineText.indexOf('-')) {
    const dash = dashProblem(lines, line)
    if (dash) return dash
  }
  if (code.includes('：') && !/:(\s|$)/.test(code)) {
    const fixed = lineText.replace(/：\s*/, ': ')
    return at(`这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 ${fixed.trim()}`, fixed)
  }
  if (/^\s*(-\s+)?[^\s:#"'][^:]*:[^\s/]/.test(code) && !/:(\s|$)/.test(code)) {
    const fixed = lineText.replace(/:/, ': ')
    return at(`冒号 ":" 后面要加一个空格，写成 ${fixed.trim()}`, fixed)
  }

  if ((error.code === 'MISSING_CHAR' || error.code === 'MULTILINE_IMPLICIT_KEY') && !/[:：]/.test(code) && /\S\s+\S/.test(code.trim())) {
    const fixed = lineText.replace(/^(\s*(?:-\s+)?\S+)\s+/, '$1: ')
    return at(`这一行没有冒号：字段名后面要写英文冒号 ":" 再加一个空格，写成 ${fixed.trim()}`, fixed)
  }

  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /nested mappings/i.test(error.message)) {
    // The value starting at col goes on with a ": " – on this line (a colon inside the text), or on the next,
    // which the parser took for the value's continuation because of its indentation.
    const value = lineText.slice(col - 1)
    if (/:(\s|$)/.test(withoutComment(value))) {
      const fixed = lineText.slice(0, col - 1) + quote(value.trimEnd())
      return at(`值里有 ": "（冒号加空格），会被当成新的字段：请给整段值加引号，写成 ${fixed.trim()}，或改用中文冒号 "："`, fixed)
    }
    const indentProblem = misindented(lines, line)
    if (indentProblem) return indentProblem
  }

  if (error.code === 'BAD_INDENT' && /mapping items/i.test(error.message)) {
    const first = firstOfMap(lines, line)
    if (first) return first
  }

  if (error.code === 'MISSING_CHAR' && /without - indicator/i.test(error.message)) {
    const indentProblem = misindented(lines, line - 1) ?? misindentedAt(lines, line)
    if (indentProblem) return indentProblem
  }

  return at((MESSAGES[error.code] ?? `YAML 格式错误（${error.code}）`) + hint(lineText))
}

/**
 * `*` and `&` open a reference (alias, anchor): `收费: *免费* 不收费` or `*免费` is not read as text. Given an
 * Alias node that resolves to nothing (the parse succeeded but the value cannot be read), the line is found here.
 */
export function unresolvedAlias(doc: Document.Parsed, lineCounter: LineCounter, lines: string[]): SyntaxProblem | undefined {
  let found: SyntaxProblem | undefined
  visit(doc, {
    Alias(_, node) {
      if (found || !node.range) return
      const line = lineCounter.linePos(node.range[0]).line
      const lineText = lines[line - 1] ?? ''
      const split = /^(\s*(?:-\s+)?[^\s:#][^:]*:\s+|\s*-\s+)([*&].*)$/.exec(lineText)
      if (split) found = aliasSlip(line, split[1]!, split[2]!)
    },
  })
  return found
}

function aliasSlip(line: number, before: string, value: string): Diagnosis {
  const fixed = before + quote(withoutComment(value).trimEnd())
  return {
    line,
    column: before.length + 1,
    message: `以 "${value[0]}" 开头的值会被当成引用，不是文字：请给整段值加引号，写成 ${fixed.trim()}`,
    fixes: [fixed],
  }
}

function duplicateKey(lineText: string): string {
  return `字段 "${keyOf(lineText)}" 重复出现，同一层每个字段只能写一次`
}

/** The opening quote or bracket, before `offset`, that the parser never saw closed. */
function lastUnclosed(text: string, offset: number, kind: 'quote' | 'flow'): { offset: number; char: string } | undefined {
  let found: { offset: number; char: string } | undefined
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(walk)
    const t = node as { type?: string; offset?: number; source?: string; start?: { source?: string; offset?: number }; end?: { type?: string }[] }
    if (kind === 'quote' && (t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar') && t.offset !== undefined) {
      const q = t.type === 'single-quoted-scalar' ? "'" : '"'
      const src = t.source ?? ''
      const closed = src.length > 1 && src.endsWith(q) && (q === "'" || !src.endsWith('\\"'))
      if (!closed && t.offset <= offset) found = { offset: t.offset, char: q }
    }
    if (kind === 'flow' && t.type === 'flow-collection' && t.start?.offset !== undefined) {
      const closed = (t.end ?? []).some((e) => e.type === 'flow-map-end' || e.type === 'flow-seq-end')
      if (!closed && t.start.offset < offset) found = { offset: t.start.offset, char: t.start.source ?? '[' }
    }
    for (const value of Object.values(node)) walk(value)
  }
  for (const token of new Parser().parse(text)) walk(token)
  return found
}

/** Lines that are neither blank nor comments, before `line` (1-based), nearest first. */
function* contentBefore(lines: string[], line: number): Generator<{ line: number; text: string }> {
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i] ?? ''
    if (text.trim() !== '' && !text.trim().startsWith('#')) yield { line: i + 1, text }
  }
}

const indentOf = (text: string) => /^ */.exec(text)![0].length
/** Where the line's field starts: after the indentation and any "- ". */
const keyColumnOf = (text: string) => /^ *(?:- +)*/.exec(text)![0].length

/** A line starting with "- " that the parser could not place: a dash too many, or a list item out of line. */
function dashProblem(lines: string[], line: number): Diagnosis | undefined {
  const text = lines[line - 1] ?? ''
  const dash = indentOf(text)
  const previous = contentBefore(lines, line).next().value
  if (previous && keyColumnOf(previous.text) === dash && !/:\s*$/.test(withoutComment(previous.text))) {
    return {
      line,
      column: dash + 1,
      message: '这一行开头多了 "- "：只有列表的每一项才以 "- " 开头，这一行和上一行是同一层的字段，请删掉 "- "',
      fixes: [' '.repeat(dash) + text.slice(dash).replace(/^-\s*/, '')],
    }
  }
  // The item this one should line up with: the nearest dash above whose item runs down to here.
  let floor = Infinity
  for (const p of contentBefore(lines, line)) {
    const indent = indentOf(p.text)
    if (indent >= floor) continue
    if (/^ *-(\s|$)/.test(p.text)) return indent === dash ? undefined : listMisaligned(line, text, dash, indent)
    if (indent <= dash) return undefined
    floor = indent
  }
  return undefined
}

function listMisaligned(line: number, text: string, dash: number, expected: number): Diagnosis {
  return {
    line,
    column: dash + 1,
    message:
      `列表的各项要对齐：上面一项的 "-" 前面是 ${expected} 个空格，这一行是 ${dash} 个，请改成一样多` +
      (dash < expected ? '；如果这一行不是列表的一项，请删掉开头的 "- "' : ''),
    fixes: [' '.repeat(expected) + text.slice(dash)],
  }
}

/**
 * `line`'s value seemed to go on into the next line, which holds a field: either the next line is indented
 * too far, or `line` itself is out of line with the field above it and the next line is in line.
 */
function misindented(lines: string[], line: number): Diagnosis | undefined {
  const here = lines[line - 1] ?? ''
  const next = lines.slice(line).findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (next < 0) return undefined
  const nextLine = line + 1 + next
  const nextText = lines[nextLine - 1]!
  const above = contentBefore(lines, line).next().value
  const siblingColumn = above ? keyColumnOf(above.text) : undefined
  if (siblingColumn !== undefined && indentOf(nextText) === siblingColumn && keyColumnOf(here) !== siblingColumn) {
    return fieldMisaligned(line, here, keyColumnOf(here), siblingColumn, above!.text)
  }
  const column = keyColumnOf(here)
  if (indentOf(nextText) > column) return fieldMisaligned(nextLine, nextText, indentOf(nextText), column, here)
  return undefined
}

/**
 * `line` is out of line with the first field of its map. The one that is wrong is the one whose indentation is
 * not the usual two spaces under the field that owns them: usually `line`, but an over-indented first field
 * makes every later one look wrong.
 */
function firstOfMap(lines: string[], line: number): Diagnosis | undefined {
  const here = lines[line - 1] ?? ''
  const column = indentOf(here)
  let first: { line: number; text: string } | undefined
  for (const p of contentBefore(lines, line)) {
    if (indentOf(p.text) < column) {
      if (first === undefined) return undefined
      const step = column - keyColumnOf(p.text)
      if (step === 2 && keyColumnOf(first.text) - keyColumnOf(p.text) !== 2) {
        return fieldMisaligned(first.line, first.text, indentOf(first.text), column, here, 'below')
      }
      return fieldMisaligned(line, here, column, keyColumnOf(first.text), first.text)
    }
    first = p
  }
  return undefined
}

function contentAfter(lines: string[], line: number): { line: number; text: string } | undefined {
  for (let i = line; i < lines.length; i++) {
    const text = lines[i]!
    if (text.trim() !== '' && !text.trim().startsWith('#')) return { line: i + 1, text }
  }
  return undefined
}

/** `line` has fewer spaces than the field above it (the parser reports it as a list item without "-"). */
function misindentedAt(lines: string[], line: number): Diagnosis | undefined {
  const here = lines[line - 1] ?? ''
  const above = contentBefore(lines, line).next().value
  if (!above) return undefined
  return fieldMisaligned(line, here, indentOf(here), keyColumnOf(above.text), above.text)
}

function fieldMisaligned(
  line: number,
  text: string,
  actual: number,
  expected: number,
  otherText: string,
  other: 'above' | 'below' = 'above',
): Diagnosis {
  const field = keyOf(otherText)
  const more = actual > expected ? `多了 ${actual - expected} 个空格` : `少了 ${expected - actual} 个空格`
  return {
    line,
    column: actual + 1,
    message: `缩进不对：同一层的字段要左对齐，这一行比${other === 'above' ? '上' : '下'}面的 "${field}" ${more}`,
    fixes: [' '.repeat(expected) + text.slice(indentOf(text))],
  }
}

function withoutComment(text: string): string {
  return text.replace(/\s#.*$/, '')
}

/** Double quotes unless the text has some, as an admin would write it. */
function quote(value: string): string {
  return value.includes('"') ? `'${value.replaceAll("'", "''")}'` : `"${value}"`
}

function keyOf(lineText: string): string {
  const key = lineText.replace(/^\s*(-\s+)?/, '').split(':')[0] ?? ''
  return key.trim().replace(/^["']|["']$/g, '')
}

function hint(lineText: string): string {
  const code = withoutComment(lineText)
  if (code.includes('：') && !/:(\s|$)/.test(code)) return '（用了中文冒号 "："，请改成英文冒号 ":" 再加一个空格）'
  if (/^\s*(-\s+)?[^\s:#"'][^:]*:[^\s/]/.test(code) && !/:(\s|$)/.test(code)) return '（冒号 ":" 后面要加一个空格）'
  return ''
}
