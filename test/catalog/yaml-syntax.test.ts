/**
 * The YAML slips admins make, one at a time in the fixture item: each must come out as exactly one error, on the
 * line where the slip is (1-based, as the editor shows it), saying what is wrong and how to write it instead.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadCatalogDir } from '../../src/catalog/load.js'
import { ItemSchema } from '../../src/catalog/schema.js'
import { formatSourceError, parseYamlWithSchema } from '../../src/catalog/yaml-source.js'
import { validateHolidays } from '../../src/tickets/holidays-file.js'
import { catalogFiles, DIBAO, edit, lineOf, writeCatalog } from './fixtures.js'

const FILE = 'catalog/items/di-bao.yaml'

function errorsOf(text: string): string[] {
  const result = parseYamlWithSchema(FILE, text, ItemSchema)
  return result.ok ? [] : result.errors.map(formatSourceError)
}

/** The fixture with `from` replaced by `to`, and the line holding `at` (the line the admin changed). */
function slip(from: string, to: string, at: string): { errors: string[]; line: number } {
  const text = edit(DIBAO, from, to)
  return { errors: errorsOf(text), line: lineOf(text, at) }
}

const LATER = '（先改好这一处再检查一遍：这一处没改好，后面的内容没法检查）'

describe('YAML syntax slips', () => {
  it('names a full-width space (the Chinese input method’s) used for indentation', () => {
    const { errors, line } = slip('  - 持本县户口', '\u3000- 持本县户口', '持本县户口')
    expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行开头用了全角空格（中文输入法打出的空格），请改成半角空格`])
  })

  describe('a tab for indentation', () => {
    it('in a list', () => {
      const { errors, line } = slip('  - 持本县户口', '\t- 持本县户口', '持本县户口')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行用了 Tab 缩进，请把 Tab 改成空格`])
    })

    it('before a field of a list item, without the errors it trips on the lines after it', () => {
      // The yaml library reports five more lines after this one.
      const { errors, line } = slip('    形式: 复印件\n  - 名称: 授权委托书', '\t形式: 复印件\n  - 名称: 授权委托书', '\t形式')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行用了 Tab 缩进，请把 Tab 改成空格`])
    })

    it('mixed with spaces, as the first field under another', () => {
      const { errors, line } = slip('    提问: 是不是委托别人替您申请？', '\t  提问: 是不是委托别人替您申请？', '委托别人')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行用了 Tab 缩进，请把 Tab 改成空格`])
    })
  })

  describe('no space after the colon', () => {
    it('on a top-level field', () => {
      const { errors, line } = slip('收费: 不收费', '收费:不收费', '收费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：冒号 ":" 后面要加一个空格，写成 收费: 不收费`])
    })

    it('on the first field of a list item', () => {
      const { errors, line } = slip('  - 名称: 授权委托书', '  - 名称:授权委托书', '名称:授权委托书')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：冒号 ":" 后面要加一个空格，写成 - 名称: 授权委托书`])
    })
  })

  describe('an unclosed quote', () => {
    it('double', () => {
      const { errors, line } = slip('收费: 不收费', '收费: "不收费', '收费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：引号没有配对：这一行的 " 后面缺少结尾的 "`])
    })

    it('single, which the yaml library reports at the end of the file', () => {
      const { errors, line } = slip('收费: 不收费', "收费: '不收费", '收费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：引号没有配对：这一行的 ' 后面缺少结尾的 '`])
    })
  })

  describe('a wrongly indented line', () => {
    it('a list item with a space too many', () => {
      const { errors, line } = slip('  - 名称: 授权委托书', '   - 名称: 授权委托书', '授权委托书')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：列表的各项要对齐：上面一项的 "-" 前面是 2 个空格，这一行是 3 个，请改成一样多`])
    })

    it('a list item with a space too few, without the errors it trips after it', () => {
      const { errors, line } = slip('  - 名称: 授权委托书', ' - 名称: 授权委托书', '授权委托书')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：列表的各项要对齐：上面一项的 "-" 前面是 2 个空格，这一行是 1 个，请改成一样多；如果这一行不是列表的一项，请删掉开头的 "- "`,
      ])
    })

    it('a field with a space too many, which the yaml library reports at the line above', () => {
      const { errors, line } = slip('    形式: 原件\n    份数: 2', '    形式: 原件\n     份数: 2', '份数')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：缩进不对：同一层的字段要左对齐，这一行比上面的 "形式" 多了 1 个空格`])
    })

    it('a field with a space too few', () => {
      const { errors, line } = slip('    形式: 原件\n    份数: 2', '    形式: 原件\n   份数: 2', '份数')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：缩进不对：同一层的字段要左对齐，这一行比上面的 "形式" 少了 1 个空格`])
    })

    it('a field moved to the left edge inside a list item', () => {
      const { errors, line } = slip('    形式: 原件\n    份数: 2', '    形式: 原件\n份数: 2', '份数')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：缩进不对：同一层的字段要左对齐，这一行比上面的 "形式" 少了 4 个空格`])
    })

    it('the first field of a map indented further than the ones after it', () => {
      const { errors, line } = slip('帮办代办:\n  可代办: true', '帮办代办:\n   可代办: true', '可代办')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：缩进不对：同一层的字段要左对齐，这一行比下面的 "方式" 多了 1 个空格`])
    })
  })

  describe('a key written twice', () => {
    it('at the top', () => {
      const { errors, line } = slip('收费: 不收费', '收费: 不收费\n收费: 免费', '收费: 免费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：字段 "收费" 重复出现，同一层每个字段只能写一次`])
    })

    it('in a list item', () => {
      const { errors, line } = slip('    份数: 2', '    份数: 2\n    份数: 3', '份数: 3')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：字段 "份数" 重复出现，同一层每个字段只能写一次`])
    })
  })

  describe('a stray "- "', () => {
    it('before a field of a list item', () => {
      const { errors, line } = slip('    份数: 2', '    - 份数: 2', '份数')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：这一行开头多了 "- "：只有列表的每一项才以 "- " 开头，这一行和上一行是同一层的字段，请删掉 "- "`,
      ])
    })

    it('before a top-level field', () => {
      const { errors, line } = slip('收费: 不收费', '- 收费: 不收费', '收费')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：这一行开头多了 "- "：只有列表的每一项才以 "- " 开头，这一行和上一行是同一层的字段，请删掉 "- "`,
      ])
    })

    it('a list item at the left edge, without the errors it trips after it', () => {
      const { errors, line } = slip('  - 名称: 授权委托书', '- 名称: 授权委托书', '授权委托书')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：列表的各项要对齐：上面一项的 "-" 前面是 2 个空格，这一行是 0 个，请改成一样多；如果这一行不是列表的一项，请删掉开头的 "- "`,
      ])
    })
  })

  describe('a full-width colon', () => {
    it('on a top-level field', () => {
      const { errors, line } = slip('收费: 不收费', '收费：不收费', '收费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 收费: 不收费`])
    })

    it('on the first field of a list item', () => {
      const { errors, line } = slip('  - 名称: 授权委托书', '  - 名称：授权委托书', '授权委托书')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 - 名称: 授权委托书`,
      ])
    })
  })

  describe('special characters inside a value', () => {
    it('": " inside a value', () => {
      const { errors, line } = slip('收费: 不收费', '收费: 注意: 不收费', '收费')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：值里有 ": "（冒号加空格），会被当成新的字段：请给整段值加引号，写成 收费: "注意: 不收费"，或改用中文冒号 "："`,
      ])
    })

    it('" #" inside a value, which YAML reads as the start of a comment and drops', () => {
      const { errors, line } = slip('收费: 不收费', '收费: 不收费 #免费', '收费')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误："#" 和后面的 "免费" 被当成了注释，不会读进去：如果 # 是内容的一部分，请给整段值加引号，写成 收费: "不收费 #免费"；如果是注释，请把它单独写成一行`,
      ])
    })

    it('a swallowed comment does not hide the schema errors of the file', () => {
      const text = edit(edit(DIBAO, '收费: 不收费', '收费: 不收费 #免费'), '份数: 2', '份数: 两份')
      expect(errorsOf(text)).toEqual([
        `${FILE}:${lineOf(text, '份数')} 申请材料[2].份数：应为正整数，实际为 "两份"`,
        `${FILE}:${lineOf(text, '收费')} YAML 格式错误："#" 和后面的 "免费" 被当成了注释，不会读进去：如果 # 是内容的一部分，请给整段值加引号，写成 收费: "不收费 #免费"；如果是注释，请把它单独写成一行`,
      ])
    })

    it('a "#" without a space before it is text, and a comment after a number is a comment', () => {
      expect(errorsOf(edit(DIBAO, '收费: 不收费', '收费: 不收费#免费'))).toEqual([])
      expect(errorsOf(edit(DIBAO, '法定时限: 30', '法定时限: 30  # 工作日'))).toEqual([])
    })

    it('a value starting with "*"', () => {
      const { errors, line } = slip('收费: 不收费', '收费: *免费* 不收费', '收费')
      expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：以 "*" 开头的值会被当成引用，不是文字：请给整段值加引号，写成 收费: "*免费* 不收费"`])
      const alone = slip('收费: 不收费', '收费: *免费', '收费')
      expect(alone.errors).toEqual([`${FILE}:${alone.line} YAML 格式错误：以 "*" 开头的值会被当成引用，不是文字：请给整段值加引号，写成 收费: "*免费"`])
    })

    it('text after a closing quote', () => {
      const { errors, line } = slip('  说明: 爱山东 APP 搜索"低保"', '  说明: "爱山东" APP 搜索低保', '爱山东')
      expect(errors).toEqual([
        `${FILE}:${line} YAML 格式错误：以引号开头的值，结尾引号后面不能再有文字：去掉这对引号，或把整段放进引号里（里面的引号改用 “ ”）`,
      ])
    })
  })

  it('a missing colon', () => {
    const { errors, line } = slip('收费: 不收费', '收费 不收费', '收费')
    expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：这一行没有冒号：字段名后面要写英文冒号 ":" 再加一个空格，写成 收费: 不收费`])
  })

  it('an unclosed bracket, which the yaml library reports at the next line', () => {
    const { errors, line } = slip('办理层级: [县, 镇, 村]', '办理层级: [县, 镇, 村', '办理层级')
    expect(errors).toEqual([`${FILE}:${line} YAML 格式错误：括号没有配对：这一行的 "[" 后面缺少结尾的 "]"`])
  })

  it('counts lines the same in a file with Windows line ends', () => {
    const text = edit(DIBAO, '收费: 不收费', '收费：不收费').replaceAll('\n', '\r\n')
    expect(errorsOf(text)).toEqual([
      `${FILE}:${lineOf(text, '收费')} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 收费: 不收费`,
    ])
  })

  describe('several slips in one file', () => {
    it('reports each independent slip once, in line order', () => {
      let text = edit(DIBAO, '收费: 不收费', '收费：不收费')
      text = edit(text, '    形式: 复印件\n  - 名称: 授权委托书', '\t形式: 复印件\n  - 名称: 授权委托书')
      text = edit(text, '    份数: 2', '    份数: 2\n    份数: 3')
      text = edit(text, '    形式: 原件\n', '    形式: 原件\n     备注: 原件\n')
      expect(errorsOf(text)).toEqual([
        `${FILE}:${lineOf(text, '\t形式')} YAML 格式错误：这一行用了 Tab 缩进，请把 Tab 改成空格`,
        `${FILE}:${lineOf(text, '     备注')} YAML 格式错误：缩进不对：同一层的字段要左对齐，这一行比上面的 "形式" 多了 1 个空格`,
        `${FILE}:${lineOf(text, '份数: 3')} YAML 格式错误：字段 "份数" 重复出现，同一层每个字段只能写一次`,
        `${FILE}:${lineOf(text, '收费')} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 收费: 不收费`,
      ])
    })

    it('stops at a slip it cannot see past, and says the rest is checked once it is fixed', () => {
      const text = edit(edit(DIBAO, '法定时限: 30', '法定时限: 30\n}'), '收费: 不收费', '收费：不收费')
      expect(errorsOf(text)).toEqual([`${FILE}:${lineOf(text, '}', '法定时限')} YAML 格式错误：方括号 [ ] 或花括号 { } 没有配对${LATER}`])
    })
  })
})

describe('YAML syntax slips in the other files read the same way', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('an item file on disk, with the path as given', async () => {
    dir = await mkdtemp(join(tmpdir(), 'daiban-syntax-'))
    const text = edit(DIBAO, '收费: 不收费', "收费: '不收费")
    await writeCatalog(dir, catalogFiles({ [FILE]: text }))
    const result = await loadCatalogDir(dir)
    expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([
      `${join(dir, 'items/di-bao.yaml')}:${lineOf(text, '收费')} YAML 格式错误：引号没有配对：这一行的 ' 后面缺少结尾的 '`,
    ])
  })

  it('holidays.yaml', () => {
    const text = '覆盖年份: [2026]\n放假:\n  - { 名称: 元旦, 从: 2026-01-01, 到: 2026-01-03 }\n调休上班:\n\t- { 名称: 元旦, 日期: 2026-01-04 }\n'
    const result = validateHolidays('catalog/holidays.yaml', text)
    expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([
      'catalog/holidays.yaml:5 YAML 格式错误：这一行用了 Tab 缩进，请把 Tab 改成空格',
    ])
  })
})
