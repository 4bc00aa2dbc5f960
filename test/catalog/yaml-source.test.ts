import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ItemSchema } from '../../src/catalog/schema.js'
import { formatSourceError, parseYamlWithSchema } from '../../src/catalog/yaml-source.js'
import { DIBAO, edit, lineOf } from './fixtures.js'

const FILE = 'catalog/items/di-bao.yaml'

/** The formatted errors for the fixture item with one change. */
function errorsAfter(from: string, to: string): { text: string; errors: string[] } {
  const text = edit(DIBAO, from, to)
  const result = parseYamlWithSchema(FILE, text, ItemSchema)
  return { text, errors: result.ok ? [] : result.errors.map(formatSourceError) }
}

describe('parseYamlWithSchema(file, text, schema)', () => {
  it('accepts the fixture item and locates any path in it', () => {
    const result = parseYamlWithSchema(FILE, DIBAO, ItemSchema)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.申请材料[1]?.份数).toBe(2)
    expect(result.locate(['申请材料', 1, '份数'])).toEqual({ line: lineOf(DIBAO, '份数: 2'), column: 5 })
    expect(result.locate(['申请材料'])).toEqual({ line: lineOf(DIBAO, '申请材料:'), column: 1 })
    // A path that is not in the file points at its nearest existing parent.
    expect(result.locate(['申请材料', 0, '份数']).line).toBe(lineOf(DIBAO, '名称: 申请人身份证'))
  })

  describe('schema errors', () => {
    it('says what is expected and what the file has', () => {
      const { text, errors } = errorsAfter('份数: 2', '份数: 两份')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '份数: 两份')} 申请材料[2].份数：应为正整数，实际为 "两份"`])
    })

    it('names an unknown key and suggests the known key it resembles', () => {
      const { text, errors } = errorsAfter('份数: 2', '份属: 2')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '份属')} 申请材料[2]：未知字段 "份属"，是不是 "份数"？`])
    })

    it('names an unknown key without a suggestion when nothing is close', () => {
      const { text, errors } = errorsAfter('份数: 2', 'copeis: 2')
      expect(errors).toEqual([`${FILE}:${lineOf(text, 'copeis')} 申请材料[2]：未知字段 "copeis"`])
    })

    it('reports a missing required key at the map that lacks it', () => {
      const top = errorsAfter('收费: 不收费\n', '')
      expect(top.errors).toEqual([`${FILE}:2 缺少必填字段 "收费"`])
      const nested = errorsAfter('    形式: 复印件\n  - 名称: 授权委托书', '  - 名称: 授权委托书')
      expect(nested.errors).toEqual([`${FILE}:${lineOf(nested.text, '名称: 申请人身份证')} 申请材料[1]：缺少必填字段 "形式"`])
    })

    it('lists the allowed values of an enum', () => {
      const { text, errors } = errorsAfter('形式: 复印件', '形式: 复印')
      expect(errors).toEqual([
        `${FILE}:${lineOf(text, '形式: 复印')} 申请材料[1].形式：应为 原件、复印件、原件和复印件、电子、原件或电子 之一，实际为 "复印"`,
      ])
    })

    it('explains a time limit through the branch written for admins', () => {
      const { text, errors } = errorsAfter('承诺时限: 20', '承诺时限: 两天')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '承诺时限')} 承诺时限：应为工作日天数（整数）、自然日天数（如"60日"）、"即办"或"以窗口为准"，实际为 "两天"`])
      expect(errorsAfter('承诺时限: 20', '承诺时限: 2.5').errors).toEqual([
        `${FILE}:${lineOf(text, '承诺时限')} 承诺时限：应为整数个工作日，实际为 2.5`,
      ])
      // Calendar days (60日) and 以窗口为准 are time limits too; 0日 and 两日 are not.
      for (const limit of ['60日', '60 日', '以窗口为准', '即办']) expect(errorsAfter('承诺时限: 20', `承诺时限: ${limit}`).errors, limit).toEqual([])
      for (const limit of ['0日', '两日', '以窗口']) expect(errorsAfter('承诺时限: 20', `承诺时限: ${limit}`).errors, limit).toHaveLength(1)
    })

    it('tells to quote a phone number written as a bare number', () => {
      const { text, errors } = errorsAfter('投诉电话: "12345"', '投诉电话: 12345')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '投诉电话')} 投诉电话：应为电话号码文字，实际为 12345（要写成文字请加引号："12345"）`])
    })

    it('says an empty value was not filled in', () => {
      const { text, errors } = errorsAfter('收费: 不收费', '收费:')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '收费:')} 收费：应为文字（收费（不收费也要写"不收费"）），实际没有填写`])
    })

    it('counts the items of a list that is too short', () => {
      const { text, errors } = errorsAfter('  - 低保要什么材料\n', '')
      expect(errors).toEqual([`${FILE}:${lineOf(text, '常见问法:')} 常见问法：至少写 3 条常见问法，实际只有 2 项`])
    })

    it('reports a rule over several fields at the entry it concerns', () => {
      const { text, errors } = errorsAfter('  - 层级: 村', '  - 层级: 村\n    服务点: village-a1')
      expect(errors).toEqual([
        `${FILE}:${lineOf(text, '层级: 村')} 办理地点[2]：办理地点要写 服务点（具体编号）或 层级（镇 / 村，指居民所在的镇或村），二者写一个`,
      ])
    })

    it('says a place\'s 名称 belongs to 层级 places only', () => {
      const { text, errors } = errorsAfter('  - 服务点: town-a\n', '  - 服务点: town-a\n    名称: 镇中心\n')
      expect(errors).toEqual([
        `${FILE}:${lineOf(text, '名称: 镇中心')} 办理地点[1].名称：名称 只用于写了 层级 的办理地点；写了 服务点 的，名称 在 service-points.yaml 里`,
      ])
    })

    it('reports every problem of the file, not only the first', () => {
      const text = edit(edit(DIBAO, '份数: 2', '份数: 两份'), '可邮寄: true', '可邮寄: 是')
      const result = parseYamlWithSchema(FILE, text, ItemSchema)
      expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([
        `${FILE}:${lineOf(text, '份数')} 申请材料[2].份数：应为正整数，实际为 "两份"`,
        `${FILE}:${lineOf(text, '可邮寄')} 可邮寄：应为 true 或 false，实际为 "是"`,
      ])
    })

    it('shows Chinese labels next to keys that are not Chinese', () => {
      const schema = z.strictObject({ prompt: z.string(), reply: z.string() })
      const result = parseYamlWithSchema('dialogs/x.yaml', 'promt: 您好\nreply: 好的\n', schema, { prompt: '提问' })
      expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([
        'dialogs/x.yaml:1 缺少必填字段 "prompt"（提问）',
        'dialogs/x.yaml:1 未知字段 "promt"，是不是 "prompt"（提问）？',
      ])
    })
  })

  // Every slip an admin makes, with its line and message: test/catalog/yaml-syntax.test.ts.
  it('reports a YAML syntax slip at its line, before any schema check', () => {
    const text = edit(edit(DIBAO, '收费: 不收费', '收费：不收费'), '份数: 2', '份数: 两份')
    const result = parseYamlWithSchema(FILE, text, ItemSchema)
    expect(result.ok ? [] : result.errors.map(formatSourceError)).toEqual([
      `${FILE}:${lineOf(text, '收费')} YAML 格式错误：这一行用了中文冒号 "："，字段名后面要用英文冒号 ":" 再加一个空格，写成 收费: 不收费`,
    ])
  })
})

describe('formatSourceError(e)', () => {
  it('leaves out an empty path and a whole-file line', () => {
    expect(formatSourceError({ file: 'a.yaml', line: 3, column: 1, path: '', message: '出错' })).toBe('a.yaml:3 出错')
    expect(formatSourceError({ file: 'a.yaml', line: 0, column: 0, path: '', message: '缺少文件' })).toBe('a.yaml 缺少文件')
    expect(formatSourceError({ file: 'a.yaml', line: 3, column: 5, path: '办理流程[1]', message: '不能为空' })).toBe(
      'a.yaml:3 办理流程[1]：不能为空',
    )
  })
})
