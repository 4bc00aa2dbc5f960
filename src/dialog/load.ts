/**
 * Dialog definitions from their files (flow.yaml, vocabulary.yaml, messages.yaml): each against its schema,
 * then the checks across the flow, the templates and the word lists. Every error names file, line and field.
 * Pure: the caller reads the files (src/conversation/dialog-dir.ts does it for a directory).
 */
import { errorAt, type Parsed } from '../catalog/checks.js'
import { parseYamlWithSchema, type SourceError } from '../catalog/yaml-source.js'
import type { z } from 'zod'
import { checkFlow, hint, unknownFields } from './check-flow.js'
import { MESSAGE_FIELDS } from './fields.js'
import {
  COMMANDS, FlowFileSchema, KEY_LABELS, MessagesFileSchema, VocabularyFileSchema,
  type DialogDefinitions, type FlowFile, type Messages, type Vocabulary,
} from './schema.js'
import { comparable, compileVocabulary } from './text.js'

export interface DialogFile {
  /** As it should appear in messages, e.g. dialogs/flow.yaml. */
  path: string
  text: string
}

export type DialogLoadResult = { ok: true; definitions: DialogDefinitions } | { ok: false; errors: SourceError[] }

export const DIALOG_FILES = {
  flow: { name: 'flow.yaml', schema: FlowFileSchema, what: '对话流程' },
  vocabulary: { name: 'vocabulary.yaml', schema: VocabularyFileSchema, what: '词表' },
  messages: { name: 'messages.yaml', schema: MessagesFileSchema, what: '固定说法和告知单格式' },
} as const
type Key = keyof typeof DIALOG_FILES

export function loadDialogsFromFiles(files: DialogFile[]): DialogLoadResult {
  const errors: SourceError[] = []
  const parsed: Partial<Record<Key, Parsed<unknown>>> = {}
  for (const key of Object.keys(DIALOG_FILES) as Key[]) {
    const spec = DIALOG_FILES[key]
    const file = files.find((f) => f.path.replaceAll('\\', '/').split('/').pop() === spec.name)
    if (!file) {
      errors.push({ file: spec.name, line: 0, column: 0, path: '', message: `缺少文件：${spec.what}，请建好 ${spec.name}` })
      continue
    }
    const result = parseYamlWithSchema(file.path, file.text, spec.schema as z.ZodType, KEY_LABELS)
    if (result.ok) parsed[key] = { file: file.path, value: result.value, locate: result.locate }
    else errors.push(...result.errors.map(suggestKey))
  }
  if (errors.length > 0 || !parsed.flow || !parsed.vocabulary || !parsed.messages) return { ok: false, errors }

  const flow = parsed.flow as Parsed<FlowFile>
  const vocabulary = parsed.vocabulary as Parsed<Vocabulary>
  const messages = parsed.messages as Parsed<Messages>
  errors.push(...checkFlow(flow), ...checkMessages(messages), ...checkVocabulary(vocabulary))
  if (errors.length > 0) return { ok: false, errors }
  const definitions: DialogDefinitions = {
    flow: flow.value,
    vocabulary: vocabulary.value,
    messages: messages.value,
    vocab: compileVocabulary(vocabulary.value),
  }
  return { ok: true, definitions }
}

/** Every key the dialog schemas know, for "是不是 …？" on a misspelt one. */
const KNOWN_KEYS = [
  ...new Set([
    ...Object.keys(KEY_LABELS),
    ...Object.keys(VocabularyFileSchema.shape),
    ...Object.keys(VocabularyFileSchema.shape.commands.shape),
    ...Object.values(MessagesFileSchema.shape).flatMap((s) => ('shape' in s ? Object.keys(s.shape) : [])),
  ]),
]

/**
 * The shared YAML reader suggests a close key only where it can walk the schema; states sit behind a record and
 * a union it cannot walk, so a misspelt `promt:` gets its suggestion here.
 */
function suggestKey(e: SourceError): SourceError {
  const unknownKey = /^未知字段 "([^"]+)"$/.exec(e.message)?.[1]
  if (unknownKey === undefined) return e
  const close = hint(unknownKey, KNOWN_KEYS)
  if (close === '') return e
  const key = close.slice(close.indexOf('"') + 1, close.lastIndexOf('"'))
  const label = KEY_LABELS[key] ? `（${KEY_LABELS[key]}）` : ''
  return { ...e, message: `${e.message}，是不是 "${key}"${label}？` }
}

/** Every template in messages.yaml (长者模式's too) uses only the fields allowed for it. */
function checkMessages(src: Parsed<Messages>): SourceError[] {
  const errors: SourceError[] = []
  const check = (sections: object, path: string[]): void => {
    for (const [section, entries] of Object.entries(sections)) {
      if (typeof entries !== 'object' || entries === null || section === 'elder') continue
      for (const [key, text] of Object.entries(entries as Record<string, unknown>)) {
        if (typeof text !== 'string') continue
        const allowed = MESSAGE_FIELDS[`${section}.${key}`] ?? []
        for (const message of unknownFields(text, allowed)) errors.push(errorAt(src, [...path, section, key], message))
      }
    }
  }
  check(src.value, [])
  if (src.value.elder) check(src.value.elder, ['elder'])
  return errors
}

/** A word in two lists (both yes and no, or a command and an answer) would make replies ambiguous. */
function checkVocabulary(src: Parsed<Vocabulary>): SourceError[] {
  const v = src.value
  const lists: { path: (string | number)[]; what: string; words: string[] }[] = [
    { path: ['yes'], what: '"是"的说法', words: v.yes },
    { path: ['no'], what: '"否"的说法', words: v.no },
    { path: ['acknowledgements'], what: '"确认、知道了"的说法', words: v.acknowledgements },
    { path: ['waiting'], what: '"等一下"的说法', words: v.waiting },
    { path: ['unsure'], what: '"不知道、不确定"的说法', words: v.unsure },
    { path: ['found'], what: '材料找着了的说法', words: v.found },
    { path: ['notAfterAll'], what: '材料其实没有的说法', words: v.notAfterAll },
    { path: ['present'], what: '材料在、已经交了的说法', words: v.present },
    ...COMMANDS.map((c) => ({ path: ['commands', c], what: `命令 ${c}`, words: v.commands[c] })),
    ...(['领办', '帮办', '代办', '特办'] as const).map((k) => ({ path: ['helpKinds', k], what: `${k}的说法`, words: v.helpKinds[k] })),
  ]
  const owner = new Map<string, string>()
  const errors: SourceError[] = []
  for (const list of lists) {
    list.words.forEach((word, i) => {
      const form = comparable(word)
      if (form === '') {
        errors.push(errorAt(src, [...list.path, i], `"${word}" 去掉标点后是空的，请写成文字`))
        return
      }
      const first = owner.get(form)
      if (first !== undefined && first !== list.what) {
        errors.push(errorAt(src, [...list.path, i], `"${word}" 已经是${first}，同一个说法只能有一种意思`))
      }
      owner.set(form, first ?? list.what)
    })
  }
  return errors
}
