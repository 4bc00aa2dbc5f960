/**
 * Dialog files with one mistake each: every kind of check, with its message and the line it points at.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { loadDialogsFromFiles, type DialogFile } from '../../src/dialog/load.js'
import { TICKET_REPLY_DEFAULTS } from '../../src/dialog/schema.js'

const NAMES = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'] as const
type Name = (typeof NAMES)[number]
const original = Object.fromEntries(NAMES.map((n) => [n, readFileSync(`dialogs/${n}`, 'utf8')])) as Record<Name, string>

/** The repository's dialog files with `from` replaced by `to` in one of them (the text must occur exactly once). */
function edited(name: Name, from: string, to: string): DialogFile[] {
  const text = original[name]
  expect(text.split(from).length, `"${from}" once in ${name}`).toBe(2)
  return NAMES.map((n) => ({ path: `dialogs/${n}`, text: n === name ? text.replace(from, to) : original[n] }))
}

/** 1-based line of the first line containing `marker` in the edited file. */
function lineOf(files: DialogFile[], name: Name, marker: string): number {
  const lines = files.find((f) => f.path.endsWith(name))!.text.split('\n')
  const i = lines.findIndex((l) => l.includes(marker))
  expect(i, `marker "${marker}"`).toBeGreaterThanOrEqual(0)
  return i + 1
}

function errorsOf(files: DialogFile[]): string[] {
  const result = loadDialogsFromFiles(files)
  if (result.ok) throw new Error('expected errors')
  return result.errors.map(formatSourceError)
}

describe('loadDialogsFromFiles', () => {
  it('accepts the repository dialogs', () => {
    expect(loadDialogsFromFiles(NAMES.map((n) => ({ path: `dialogs/${n}`, text: original[n] }))).ok).toBe(true)
  })

  it('reports a YAML syntax error at its line', () => {
    const files = edited('flow.yaml', '    prompt: 您要办的是：{item.name}，对吗？', '    prompt: [您要办的是')
    const [error] = errorsOf(files)
    const line = lineOf(files, 'flow.yaml', '[您要办的是')
    // The parser notices the unclosed bracket where the next line begins; the slip is where it opens.
    expect(error).toBe(`dialogs/flow.yaml:${line} YAML 格式错误：括号没有配对：这一行的 "[" 后面缺少结尾的 "]"`)
  })

  it('reports a misspelt key with a suggestion', () => {
    const files = edited('flow.yaml', '    prompt: 您要办的是：{item.name}，对吗？', '    promt: 您要办的是：{item.name}，对吗？')
    const line = lineOf(files, 'flow.yaml', 'promt:')
    expect(errorsOf(files)).toContain(`dialogs/flow.yaml:${line} states.confirm_item：未知字段 "promt"，是不是 "prompt"（提示语）？`)
  })

  it('reports an unknown state kind', () => {
    const files = edited('flow.yaml', '    kind: materials', '    kind: material')
    const line = lineOf(files, 'flow.yaml', 'kind: material')
    expect(errorsOf(files).join('\n')).toMatch(new RegExp(`dialogs/flow.yaml:${line} states.materials.kind：kind 应为 menu、chooseItem、materials`))
  })

  it('reports a transition to an unknown state, suggesting the closest name', () => {
    const files = edited('flow.yaml', '    go: proxy_phone', '    go: proxy_phnoe')
    const line = lineOf(files, 'flow.yaml', 'go: proxy_phnoe')
    // Only the typo: the states behind it, unreachable because of it, are not reported on top.
    expect(errorsOf(files)).toEqual([`dialogs/flow.yaml:${line} states.proxy_name.go：没有叫 "proxy_phnoe" 的状态，是不是 "proxy_phone"？`])
  })

  it('reports a typo in the walk\'s wrongItem state, like any other go', () => {
    const clear = edited('flow.yaml', '    wrongItem: ask_again', '    wrongItem: ask_agian')
    expect(errorsOf(clear)).toEqual([
      `dialogs/flow.yaml:${lineOf(clear, 'flow.yaml', 'wrongItem: ask_agian')} states.materials.wrongItem：没有叫 "ask_agian" 的状态，是不是 "ask_again"？`,
    ])
  })

  it('reports an unreachable state at its name', () => {
    const files = edited('flow.yaml', '  ticket_done:', '  orphan:\n    prompt: 没人来\n    match: { sure: confirm_item, choose: choose_item, none: no_match }\n\n  ticket_done:')
    const line = lineOf(files, 'flow.yaml', 'orphan:')
    expect(errorsOf(files)).toEqual([`dialogs/flow.yaml:${line} states.orphan：状态 "orphan" 走不到：没有哪一步的 go、match、done 或 else 指向它`])
  })

  it('reports a state a resident cannot leave, and states that cannot get back to asking', () => {
    const stuck = edited('flow.yaml', '请直接说要办什么，比如：低保怎么申请\n    match: { clear: materials, sure: confirm_item, choose: choose_item, none: no_match }', '请直接说要办什么，比如：低保怎么申请')
    expect(errorsOf(stuck)).toEqual([
      `dialogs/flow.yaml:${lineOf(stuck, 'flow.yaml', '  ticket_done:')} states.ticket_done：居民进入状态 "ticket_done" 后没法离开：请加 options 或 match`,
    ])
    const allConditional = edited(
      'flow.yaml',
      "      - { label: 自己办理, words: [自己办, 我自己办], go: self_done, elder: { label: 我自己去办 } }\n      - { label: 问别的事, do: clearItem, go: ask_other, elder: { label: 问别的事 } }",
      "      - { label: 自己办理, when: canMail, go: self_done }\n      - { label: 问别的事, when: canMail, do: clearItem, go: ask_other }",
    )
    expect(errorsOf(allConditional)).toEqual([
      `dialogs/flow.yaml:${lineOf(allConditional, 'flow.yaml', '自己办理, when: canMail') - 1} states.checklist.options：状态 "checklist" 的选项都带 when：条件都不成立时居民没法离开，请至少留一个不带 when 的选项`,
    ])
    const loop = edited('flow.yaml', '      - { label: 不办了, words: [不办了, 不申请了, 算了, 取消], go: proxy_dropped, elder: { label: 不办了 } }', '      - { label: 不办了, go: proxy_name }')
    const loopErrors = errorsOf(loop.map((f) => f.path.endsWith('flow.yaml') ? { ...f, text: f.text.replace('do: openTicket, go: ticket_done', 'go: proxy_name') } : f))
    expect(loopErrors.join('\n')).toContain('states.proxy_summary：从状态 "proxy_summary" 出发回不到能提问的状态')
  })

  it('reports a template field that does not exist, in the flow and in messages', () => {
    const flow = edited('flow.yaml', '您要办的是：{item.name}，对吗？', '您要办的是：{item.nmae}，对吗？')
    expect(errorsOf(flow)).toEqual([
      `dialogs/flow.yaml:${lineOf(flow, 'flow.yaml', '{item.nmae}')} states.confirm_item.prompt：不认识的字段 {item.nmae}，是不是 {item.name}？`,
    ])
    const messages = edited('messages.yaml', '  restart: 好的，我们重新开始。', '  restart: 好的，{item.name}重新开始。')
    expect(errorsOf(messages)).toEqual([
      `dialogs/messages.yaml:${lineOf(messages, 'messages.yaml', '  restart:')} say.restart：这里不能用字段 {item.name}（这段话不替换任何字段）`,
    ])
    // 长者模式's entries are checked like the ones they replace.
    const elder = edited('messages.yaml', '    ready: 有了：{material.name}', '    ready: 有了：{material.nmae}')
    expect(errorsOf(elder)).toEqual([
      `dialogs/messages.yaml:${lineOf(elder, 'messages.yaml', '有了：{material.nmae}')} elder.checklist.ready：不认识的字段 {material.nmae}，是不是 {material.name}？`,
    ])
  })

  it('loads a dialogs/ folder written before later entries existed (a county that kept its own wording)', () => {
    /** The text without the top-level `section:` block (up to the next top-level key or the end). */
    const withoutSection = (text: string, section: string) => text.replace(new RegExp(`^${section}:\\n(?:(?:[ #].*)?\\n)*`, 'm'), '')
    const withoutLines = (text: string, pattern: RegExp) => text.split('\n').filter((line) => !pattern.test(line)).join('\n')
    let messages = withoutSection(withoutSection(original['messages.yaml'], 'answers'), 'elder')
    messages = withoutLines(messages, /^ {2}(elderOn|elderOff|ticketNoteUnlistedVillage|presumed|conditions|doorstep):/)
    messages = messages.replace(/^ {2}steps: \|-\n(?: {4}.*\n)+/m, '')
    const vocabulary = withoutLines(withoutSection(withoutSection(original['vocabulary.yaml'], 'asks'), 'ticketReplies'), /^ {2}(elderOn|elderOff):/)
    expect(messages).not.toMatch(/^(answers|elder):|^ {2}(steps|presumed|doorstep):/m)
    const result = loadDialogsFromFiles([
      { path: 'dialogs/flow.yaml', text: original['flow.yaml'] },
      { path: 'dialogs/vocabulary.yaml', text: vocabulary },
      { path: 'dialogs/messages.yaml', text: messages },
    ])
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    expect(result.definitions.messages.answers.limit).toBe('多久办好：{item.promisedLimit}')
    expect(result.definitions.messages.delivery.doorstep).toBe('代办员送上门')
    expect(result.definitions.vocabulary.commands.elderOn).toEqual([])
    expect(result.definitions.vocabulary.ticketReplies).toEqual(TICKET_REPLY_DEFAULTS)
  })

  it('reports a state’s 长者模式 text the state does not have, and a wrong field in one it has', () => {
    const stray = edited('flow.yaml', '    places: true\n    unsure: switch_choose\n', '    places: true\n    unsure: switch_choose\n    elder: { villagePrompt: 哪个村？ }\n')
    expect(errorsOf(stray)).toEqual([
      `dialogs/flow.yaml:${lineOf(stray, 'flow.yaml', 'villagePrompt: 哪个村？')} states.checklist.elder.villagePrompt：状态 "checklist" 没有 villagePrompt，长者模式里写了也用不上`,
    ])
    const typo = edited('flow.yaml', '    elder: { prompt: 要怎么帮您？ }', '    elder: { prompt: "要怎么帮{item.nmae}？" }')
    expect(errorsOf(typo).join('\n')).toContain('states.proxy_help.elder.prompt：不认识的字段 {item.nmae}')
  })

  it('reports an entry 长者模式 cannot replace, and an empty one outside the 告知单', () => {
    const unknown = edited('messages.yaml', '    optional: 可带可不带：{material.name}', '    optinal: 可带可不带：{material.name}')
    expect(errorsOf(unknown).join('\n')).toContain(`dialogs/messages.yaml:${lineOf(unknown, 'messages.yaml', '    optinal:')} elder.checklist：未知字段 "optinal"`)
    const empty = edited('messages.yaml', '    unsure: 不知道的先算"没有"，最后告诉您去哪开。', '    unsure: ""')
    expect(errorsOf(empty).join('\n')).toContain('不能为空（不确定有没有材料）')
  })

  it('reports when without else, an ambiguous yes option, and a start state that takes no questions', () => {
    const noElse = edited('flow.yaml', '    else: proxy_summary\n', '')
    expect(errorsOf(noElse)).toContain(`dialogs/flow.yaml:${lineOf(noElse, 'flow.yaml', 'when: canMail')} states.proxy_delivery.when：写了 when 就要写 else：条件不成立时去哪个状态`)
    const twoYes = edited('flow.yaml', '      - { label: 不对, answer: no, do: clearItem, go: ask_again }', '      - { label: 不对, answer: yes, do: clearItem, go: ask_again }')
    expect(errorsOf(twoYes).join('\n')).toMatch(/states\.confirm_item\.options\[2\]\.answer：已有一个 answer: yes 的选项/)
    const start = edited('flow.yaml', 'start: welcome', 'start: self_done_typo')
    expect(errorsOf(start)[0]).toBe(`dialogs/flow.yaml:${lineOf(start, 'flow.yaml', 'start: self_done_typo')} start：没有叫 "self_done_typo" 的状态`)
  })

  it('reports an empty ticket word list, an empty word and a misspelt key in ticketReplies, at their lines', () => {
    const empty = edited('vocabulary.yaml', '  answerWords: [有, 没, 材料, 证, 本, 是]', '  answerWords: []')
    expect(errorsOf(empty)).toEqual([
      `dialogs/vocabulary.yaml:${lineOf(empty, 'vocabulary.yaml', 'answerWords: []')} ticketReplies.answerWords：至少写一个打分后是在回答材料的字，实际只有 0 项`,
    ])
    const blank = edited('vocabulary.yaml', '  commentLead: [意见, 建议, 投诉]', '  commentLead: [意见, "", 投诉]\n  comentLead: [留言]')
    expect(errorsOf(blank)).toEqual([
      `dialogs/vocabulary.yaml:${lineOf(blank, 'vocabulary.yaml', 'commentLead: [意见, ""')} ticketReplies.commentLead[2]：不能为空（意见开头的词）`,
      `dialogs/vocabulary.yaml:${lineOf(blank, 'vocabulary.yaml', 'comentLead:')} ticketReplies：未知字段 "comentLead"，是不是 "commentLead"（意见开头的词）？`,
    ])
  })

  it('reports a word that means both yes and no', () => {
    const files = edited('vocabulary.yaml', 'no: [没, 没有,', 'no: [没, 好的, 没有,')
    expect(errorsOf(files)).toEqual([`dialogs/vocabulary.yaml:${lineOf(files, 'vocabulary.yaml', 'no: [')} no[2]："好的" 已经是"是"的说法，同一个说法只能有一种意思`])
  })

  it('reports a missing file and a wrong value type with the field name', () => {
    const missing = NAMES.filter((n) => n !== 'vocabulary.yaml').map((n) => ({ path: `dialogs/${n}`, text: original[n] }))
    expect(errorsOf(missing)).toEqual(['vocabulary.yaml 缺少文件：词表，请建好 vocabulary.yaml'])
    const files = edited('messages.yaml', '  maxText: 200', '  maxText: 很长')
    expect(errorsOf(files)).toEqual([`dialogs/messages.yaml:${lineOf(files, 'messages.yaml', 'maxText')} limits.maxText：应为整数，实际为 "很长"`])
  })
})
