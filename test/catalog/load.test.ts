import { describe, expect, it } from 'vitest'
import { loadCatalogFromFiles } from '../../src/catalog/load.js'
import { formatSourceError } from '../../src/catalog/yaml-source.js'
import { formatTimeLimit } from '../../src/catalog/types.js'
import { catalogFiles, DIBAO, edit, lineOf, POINTS, SEAL, SYNONYMS, WORDS } from './fixtures.js'

const DIBAO_FILE = 'catalog/items/di-bao.yaml'
const SEAL_FILE = 'catalog/items/yin-zhang.yaml'
const POINTS_FILE = 'catalog/service-points.yaml'

/** Formatted errors of the fixture catalogue with the given files changed. */
function errorsWith(changes: Record<string, string | null>): string[] {
  const result = loadCatalogFromFiles(catalogFiles(changes))
  return result.ok ? [] : result.errors.map(formatSourceError)
}

describe('loadCatalogFromFiles(files)', () => {
  it('converts a valid catalogue to the domain types', () => {
    const result = loadCatalogFromFiles(catalogFiles())
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    const { catalog } = result
    expect(catalog.items.map((i) => i.id)).toEqual(['T-001', 'T-002'])
    const dibao = catalog.byId.get('T-001')
    expect(dibao?.file).toBe('items/di-bao.yaml')
    expect(dibao?.questions).toEqual([
      { id: '委托他人', prompt: '是不是委托别人替您申请？', options: ['是', '否'], words: {} },
      { id: '户籍类型', prompt: '您是城镇户口还是农村户口？', options: ['城镇', '农村'], words: { 农村: ['农村户口', '农业户口'] } },
    ])
    expect(dibao?.materials).toEqual([
      { name: '申请人身份证', form: '复印件', copies: 1, unit: '份', requirement: '必须' },
      { name: '授权委托书', form: '原件', copies: 2, unit: '份', requirement: '按情况', condition: { questionId: '委托他人', answers: ['是'] } },
      { name: '土地承包合同', form: '复印件', copies: 1, unit: '份', requirement: '按情况', condition: { questionId: '户籍类型', answers: ['农村'] } },
    ])
    expect(dibao).toMatchObject({ legalLimitDays: 30, promisedLimitDays: 20, mail: true, online: { note: '爱山东 APP 搜索"低保"' } })
    expect(dibao?.places).toEqual([{ pointId: 'town-a', window: '民政窗口' }, { tier: '村' }])
    const seal = catalog.byId.get('T-002')
    expect(seal).toMatchObject({ promisedLimitDays: 0, questions: [], mail: false, keywords: [], proxy: { allowed: false, kinds: [] } })
    expect(seal && 'legalLimitDays' in seal).toBe(false)
    expect(catalog.points.get('village-a1')).toEqual({
      id: 'village-a1', name: '甲村便民服务室', tier: '村', parentId: 'town-a',
      address: '甲村党群服务中心', hours: '工作日 8:30-11:30', phone: '0539-7220011',
    })
    expect(catalog.points.get('county')?.parentId).toBeUndefined()
    expect(catalog.synonyms).toEqual([
      { canonical: '最低生活保障', variants: ['低保', '吃低保'] },
      { canonical: '居民身份证', variants: ['身份证', '二代证'] },
    ])
    // 目录外 may be left out (files written before it existed): none.
    expect(catalog.words).toEqual({ fillers: ['请问', '我想'], generic: ['办理', '申请'], outside: [], actions: [], reissue: [], asking: [], lookalikes: [], askers: [] })
    expect(result.warnings).toEqual([])
  })

  it('versions the catalogue by content, whatever the order of the files', () => {
    const version = (files: ReturnType<typeof catalogFiles>) => {
      const result = loadCatalogFromFiles(files)
      return result.ok ? result.catalog.version : undefined
    }
    const base = version(catalogFiles())
    expect(base).toMatch(/^[0-9a-f]{16}$/)
    expect(version(catalogFiles().reverse())).toBe(base)
    expect(version(catalogFiles({ [SEAL_FILE]: edit(SEAL, '盖章在哪里办', '去哪盖章') }))).not.toBe(base)
  })

  it('warns about unknown files, sample data and questions no material uses', () => {
    const result = loadCatalogFromFiles([
      ...catalogFiles({
        [POINTS_FILE]: edit(POINTS, '服务点:\n', '样例数据: true\n服务点:\n'),
        [DIBAO_FILE]: edit(DIBAO, '    条件: { 问题: 委托他人, 答案: 是 }\n', '    条件: { 问题: 户籍类型, 答案: 城镇 }\n'),
      }),
      { path: 'catalog/notes.yaml', text: 'a: 1\n' },
    ])
    expect(result.ok && result.warnings).toEqual([
      'catalog/notes.yaml 不是目录里认识的文件，已忽略',
      `${POINTS_FILE}:2 样例数据：这是样例数据，上线前请换成本县实际的服务点，并删掉这一行`,
      `${DIBAO_FILE}:${lineOf(DIBAO, '编号: 委托他人')} 情形问题[1].编号：问题 "委托他人" 没有被任何材料的条件用到`,
    ])
  })

  it('collects the errors of every file, cross-file ones included', () => {
    const dibao = edit(DIBAO, '份数: 2', '份数: 两份')
    const seal = edit(SEAL, '承诺时限: 即办', '承诺时限: 马上')
    const points = edit(POINTS, '上级: town-a', '上级: town-x')
    expect(errorsWith({ [DIBAO_FILE]: dibao, [SEAL_FILE]: seal })).toEqual([
      `${DIBAO_FILE}:${lineOf(dibao, '份数')} 申请材料[2].份数：应为正整数，实际为 "两份"`,
      `${SEAL_FILE}:${lineOf(seal, '承诺时限')} 承诺时限：应为工作日天数（整数）、自然日天数（如"60日"）、"即办"或"以窗口为准"，实际为 "马上"`,
    ])
    expect(errorsWith({ [DIBAO_FILE]: dibao, [POINTS_FILE]: points })).toEqual([
      `${DIBAO_FILE}:${lineOf(dibao, '份数')} 申请材料[2].份数：应为正整数，实际为 "两份"`,
      `${POINTS_FILE}:${lineOf(points, '上级: town-x')} 服务点[3].上级：上级 "town-x" 不是已有的服务点编号`,
    ])
  })

  it('refuses a 单位 that is not one of 份、张、本、套', () => {
    const dibao = edit(DIBAO, '份数: 2', '份数: 2\n    单位: 个')
    expect(errorsWith({ [DIBAO_FILE]: dibao })).toEqual([
      `${DIBAO_FILE}:${lineOf(dibao, '单位: 个')} 申请材料[2].单位：应为 份、张、本、套 之一，实际为 "个"`,
    ])
  })

  it('reads 窗口提供 (provided or filled in at the window), refuses anything but true or false, and warns of a question only such materials use', () => {
    const ok = loadCatalogFromFiles(catalogFiles({ [DIBAO_FILE]: edit(DIBAO, '份数: 2', '份数: 2\n    窗口提供: true') }))
    if (!ok.ok) throw new Error(ok.errors.map(formatSourceError).join('\n'))
    expect(ok.catalog.byId.get('T-001')?.materials[1]).toMatchObject({ name: '授权委托书', atWindow: true })
    expect(ok.catalog.byId.get('T-001')?.materials[0] && 'atWindow' in ok.catalog.byId.get('T-001')!.materials[0]!).toBe(false)
    expect(ok.warnings).toEqual([`${DIBAO_FILE}:${lineOf(DIBAO, '编号: 委托他人')} 情形问题[1].编号：问题 "委托他人" 只决定"窗口提供"的材料，核对材料时不会问到`])
    const dibao = edit(DIBAO, '份数: 2', '份数: 2\n    窗口提供: 是')
    expect(errorsWith({ [DIBAO_FILE]: dibao })).toEqual([
      `${DIBAO_FILE}:${lineOf(dibao, '窗口提供')} 申请材料[2].窗口提供：应为 true 或 false，实际为 "是"`,
    ])
  })

  it('reads 解释 of a situation question and of a material', () => {
    const dibao = edit(edit(DIBAO, '份数: 2', '份数: 2\n    解释: 写明谁替谁办的一张纸'), '提问: 是不是委托别人替您申请？', '提问: 是不是委托别人替您申请？\n    解释: 自己来不了，请家里人来')
    const result = loadCatalogFromFiles(catalogFiles({ [DIBAO_FILE]: dibao }))
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    const item = result.catalog.byId.get('T-001')!
    expect(item.questions[0]).toMatchObject({ id: '委托他人', explain: '自己来不了，请家里人来' })
    expect(item.materials[1]).toMatchObject({ name: '授权委托书', explain: '写明谁替谁办的一张纸' })
    expect('explain' in item.materials[0]!).toBe(false)
  })

  it('reads 待遇标准 as one line or a list of lines, and says what is wrong with anything else', () => {
    const item = (text: string) => {
      const result = loadCatalogFromFiles(catalogFiles({ [DIBAO_FILE]: text }))
      if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
      return result.catalog.byId.get('T-001')!
    }
    expect(item(edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准: 城市 1114 元/月，农村 884 元/月\n')).benefitStandard).toEqual(['城市 1114 元/月，农村 884 元/月'])
    const lines = edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准:\n  - 城市 1276 元/月，农村 1024 元/月\n  - 护理费：全护理 845 元/月\n')
    expect(item(lines).benefitStandard).toEqual(['城市 1276 元/月，农村 1024 元/月', '护理费：全护理 845 元/月'])
    // Optional: an item without it has none (and is told the county's yearly standard applies).
    expect('benefitStandard' in item(DIBAO)).toBe(false)

    const number = edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准: 1114\n')
    const map = edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准: { 城市: 1114 元 }\n')
    const lineNumber = edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准:\n  - 城市 1114 元/月\n  - 884\n')
    const empty = edit(DIBAO, '收费: 不收费\n', '收费: 不收费\n待遇标准: ""\n')
    const long = edit(DIBAO, '收费: 不收费\n', `收费: 不收费\n待遇标准: ${'城市'.repeat(41)}\n`)
    const many = edit(DIBAO, '收费: 不收费\n', `收费: 不收费\n待遇标准: [${['一', '二', '三', '四', '五', '六'].join(', ')}]\n`)
    expect(errorsWith({ [DIBAO_FILE]: number })).toEqual([
      `${DIBAO_FILE}:${lineOf(number, '待遇标准')} 待遇标准：应为一行文字，或几行文字的列表（每行以 "- " 开头），实际为 1114（要写成文字请加引号："1114"）`,
    ])
    expect(errorsWith({ [DIBAO_FILE]: map })).toEqual([
      `${DIBAO_FILE}:${lineOf(map, '待遇标准')} 待遇标准：应为一行文字，或几行文字的列表（每行以 "- " 开头），实际为 字段表`,
    ])
    expect(errorsWith({ [DIBAO_FILE]: lineNumber })).toEqual([
      `${DIBAO_FILE}:${lineOf(lineNumber, '- 884')} 待遇标准[2]：应为文字（待遇标准的一行），实际为 884（要写成文字请加引号："884"）`,
    ])
    expect(errorsWith({ [DIBAO_FILE]: empty })).toEqual([`${DIBAO_FILE}:${lineOf(empty, '待遇标准')} 待遇标准：不能为空（待遇标准）`])
    expect(errorsWith({ [DIBAO_FILE]: long })).toEqual([
      `${DIBAO_FILE}:${lineOf(long, '待遇标准')} 待遇标准：太长了：每行最多 80 个字，别的说明写在 备注 里`,
    ])
    expect(errorsWith({ [DIBAO_FILE]: many })).toEqual([
      `${DIBAO_FILE}:${lineOf(many, '待遇标准')} 待遇标准：最多写 5 行，别的说明写在 备注 里，实际有 6 项`,
    ])
  })

  it('reads 形近字 as groups of Han characters, and says how to write one that is not', () => {
    const result = loadCatalogFromFiles(catalogFiles({ 'catalog/match-words.yaml': `${WORDS}形近字: [住往, 己已巳]\n` }))
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    expect(result.catalog.words.lookalikes).toEqual(['住往', '己已巳'])
    expect(errorsWith({ 'catalog/match-words.yaml': `${WORDS}形近字: [住, 住往住, 住 往]\n` })).toEqual([
      'catalog/match-words.yaml:4 形近字[1]：每项应为两个或更多长得像的汉字，写在一起（如 住往），实际为 "住"',
      'catalog/match-words.yaml:4 形近字[2]：一项里的字不能重复',
      'catalog/match-words.yaml:4 形近字[3]：每项应为两个或更多长得像的汉字，写在一起（如 住往），实际为 "住 往"',
    ])
  })

  it('reads 身份词 as words of two Han characters or more', () => {
    const result = loadCatalogFromFiles(catalogFiles({ 'catalog/match-words.yaml': `${WORDS}身份词: [村干部, 网格员]\n` }))
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    expect(result.catalog.words.askers).toEqual(['村干部', '网格员'])
    expect(errorsWith({ 'catalog/match-words.yaml': `${WORDS}身份词: [村]\n` })).toEqual(['catalog/match-words.yaml:4 身份词[1]：身份词：每项应为两个或更多汉字，实际为 "村"'])
  })

  it('reads calendar days (60日) and 以窗口为准 as time limits, and renders them for residents', () => {
    const files = catalogFiles({ [SEAL_FILE]: edit(SEAL, '承诺时限: 即办', '法定时限: 60日\n承诺时限: 以窗口为准') })
    const result = loadCatalogFromFiles(files)
    if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
    const seal = result.catalog.byId.get('T-002')!
    expect(seal).toMatchObject({ legalLimitDays: { calendarDays: 60 }, promisedLimitDays: 'askWindow' })
    expect(formatTimeLimit(seal.legalLimitDays)).toBe('60 日（自然日）')
    expect(formatTimeLimit(seal.promisedLimitDays, '0539-7211000')).toBe('以窗口告知为准，可打电话问 0539-7211000')
    expect(formatTimeLimit(5)).toBe('5 个工作日')
    expect(formatTimeLimit(0)).toBe('即办（当场办结）')
  })

  it('needs every root file and at least one item', () => {
    expect(errorsWith({ 'catalog/synonyms.yaml': null })).toEqual(['catalog/synonyms.yaml 缺少文件：同义词表，请建好 synonyms.yaml'])
    expect(errorsWith({ 'catalog/match-words.yaml': null })).toEqual([
      'catalog/match-words.yaml 缺少文件：虚词和泛词表，请建好 match-words.yaml',
    ])
    expect(errorsWith({ [POINTS_FILE]: null })).toEqual([`${POINTS_FILE} 缺少文件：服务点清单，请建好 service-points.yaml`])
    expect(errorsWith({ [DIBAO_FILE]: null, [SEAL_FILE]: null })).toEqual(['catalog/items/ 没有事项文件，请在 items/ 里至少放一个'])
  })

  describe('checks across items', () => {
    it('rejects a 事项编码 used twice', () => {
      const seal = edit(SEAL, '事项编码: T-002', '事项编码: T-001')
      expect(errorsWith({ [SEAL_FILE]: seal })).toEqual([
        `${SEAL_FILE}:2 事项编码："T-001" 与 ${DIBAO_FILE} 重复，每个事项的事项编码要唯一`,
      ])
    })

    it('rejects a 事项名称 used twice', () => {
      const seal = edit(SEAL, '事项名称: 印章管理', '事项名称: 最低生活保障申请')
      expect(errorsWith({ [SEAL_FILE]: seal })).toEqual([
        `${SEAL_FILE}:3 事项名称："最低生活保障申请" 与 ${DIBAO_FILE} 重复，每个事项的事项名称要唯一`,
      ])
    })
  })

  describe('checks within an item', () => {
    const dibaoErrors = (from: string, to: string) => {
      const text = edit(DIBAO, from, to)
      return { text, errors: errorsWith({ [DIBAO_FILE]: text }) }
    }

    it('rejects a condition naming no question of the item', () => {
      const { text, errors } = dibaoErrors('问题: 委托他人, 答案: 是', '问题: 代办, 答案: 是')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '问题: 代办')} 申请材料[2].条件.问题：没有编号为 "代办" 的情形问题（本事项的问题有：委托他人、户籍类型）`,
      ])
    })

    it('rejects 说法 for an option the question does not have', () => {
      const { text, errors } = dibaoErrors('      农村: [农村户口, 农业户口]', '      农民: [农村户口, 农业户口]')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '农民: [')} 情形问题[2].说法.农民：没有 "农民" 这个选项（选项有：城镇、农村）`,
      ])
    })

    it('rejects a 收费 for an option the question does not have, and 收费 on a second question', () => {
      const { text, errors } = dibaoErrors('      农村: [农村户口, 农业户口]', '      农村: [农村户口, 农业户口]\n    收费:\n      农民: 10 元')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '农民: 10 元')} 情形问题[2].收费.农民：没有 "农民" 这个选项（选项有：城镇、农村）`,
      ])
      const twice = dibaoErrors('    提问: 是不是委托别人替您申请？', '    提问: 是不是委托别人替您申请？\n    收费: { 是: 5 元 }')
      const withBoth = edit(twice.text, '      农村: [农村户口, 农业户口]', '      农村: [农村户口, 农业户口]\n    收费: { 城镇: 10 元 }')
      expect(errorsWith({ [DIBAO_FILE]: withBoth })).toEqual([
        `${DIBAO_FILE}:${lineOf(withBoth, '收费: { 城镇')} 情形问题[2].收费：一个事项只有一个问题能写 收费，问题 "委托他人" 已经写了`,
      ])
    })

    it('rejects 按情况 without a condition', () => {
      const { text, errors } = dibaoErrors('    条件: { 问题: 委托他人, 答案: 是 }\n', '')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '要求: 按情况')} 申请材料[2].要求：要求为 "按情况" 时要写 条件（问题和答案），说明什么情况下需要这份材料`,
      ])
    })

    it('rejects 结论 on a material to bring (no 提示), saying to add 提示: true', () => {
      const { text, errors } = dibaoErrors('    份数: 2\n    要求: 按情况\n', '    份数: 2\n    要求: 按情况\n    结论: 不用办\n')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '结论: 不用办')} 申请材料[2].结论：结论 只用于 提示（说明哪种情况办不了或不用办），这一项是要带的材料：请加上 提示: true，或去掉 结论`,
      ])
    })

    it('rejects 结论 on a 提示 without a condition: it would close the item for everyone', () => {
      const { text, errors } = dibaoErrors('  - 名称: 申请人身份证\n    形式: 复印件\n', '  - 名称: 申请人身份证\n    形式: 复印件\n  - 名称: 外地户口办不了\n    形式: 原件\n    提示: true\n    结论: 不符合条件\n')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '结论: 不符合条件')} 申请材料[2].结论：结论 要写 条件（问题和答案），说明哪种情况办不了或不用办；没有条件的话，所有人都办不了`,
      ])
    })

    it('rejects 结论 on a material with neither 提示 nor condition, naming both', () => {
      const { text, errors } = dibaoErrors('  - 名称: 申请人身份证\n    形式: 复印件\n', '  - 名称: 申请人身份证\n    形式: 复印件\n    结论: 不用办\n')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '结论: 不用办')} 申请材料[1].结论：结论 只用于写了 提示: true 和 条件 的材料（说明哪种情况办不了或不用办）：请加上这两项，或去掉 结论`,
      ])
    })

    it('rejects 结论 whose condition lists every option of its question: it would close the item for everyone', () => {
      const { text, errors } = dibaoErrors(
        '    份数: 2\n    要求: 按情况\n    条件: { 问题: 委托他人, 答案: 是 }\n',
        '    份数: 2\n    提示: true\n    结论: 不用办\n    要求: 按情况\n    条件: { 问题: 委托他人, 答案: [是, 否] }\n',
      )
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '答案: [是, 否]')} 申请材料[2].条件.答案：写了 结论 的条件把问题 "委托他人" 的选项都列上了（是、否），怎么答都一样，所有人都不用办：只写办不了或不用办的那几个选项`,
      ])
      // One option left open is fine.
      expect(dibaoErrors('    份数: 2\n    要求: 按情况\n', '    份数: 2\n    提示: true\n    结论: 不用办\n    要求: 按情况\n').errors).toEqual([])
    })

    it('rejects a condition on a material that is not 按情况', () => {
      const { text, errors } = dibaoErrors('    份数: 2\n    要求: 按情况\n', '    份数: 2\n')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '条件: { 问题: 委托他人')} 申请材料[2].条件：写了条件的材料，要求要写成 "按情况"，实际为 "必须"`,
      ])
    })

    it('rejects an answer that is not among the default options 是 / 否', () => {
      const { text, errors } = dibaoErrors('问题: 委托他人, 答案: 是', '问题: 委托他人, 答案: 对')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '答案: 对')} 申请材料[2].条件.答案："对" 不是问题 "委托他人" 的选项（可选：是、否）`,
      ])
    })

    it('rejects an answer in a list that is not among the question\'s own options', () => {
      const { text, errors } = dibaoErrors('答案: [农村]', '答案: [农村, 山区]')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '答案: [农村, 山区]')} 申请材料[3].条件.答案[2]："山区" 不是问题 "户籍类型" 的选项（可选：城镇、农村）`,
      ])
    })

    it('rejects a question id used twice', () => {
      const { text, errors } = dibaoErrors('编号: 户籍类型', '编号: 委托他人')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '编号: 委托他人', '提问: 是不是委托')} 情形问题[2].编号：问题编号 "委托他人" 重复，同一事项里每个问题的编号要唯一`,
        // The condition that meant the renamed question now names none.
        `${DIBAO_FILE}:${lineOf(text, '问题: 户籍类型')} 申请材料[3].条件.问题：没有编号为 "户籍类型" 的情形问题（本事项的问题有：委托他人）`,
      ])
    })

    it('takes a question asked only after an earlier answer', () => {
      const text = edit(DIBAO, '    选项: [城镇, 农村]\n', '    选项: [城镇, 农村]\n    条件: { 问题: 委托他人, 答案: 否 }\n')
      const result = loadCatalogFromFiles(catalogFiles({ [DIBAO_FILE]: text }))
      if (!result.ok) throw new Error(result.errors.map(formatSourceError).join('\n'))
      expect(result.catalog.byId.get('T-001')?.questions[1]?.condition).toEqual({ questionId: '委托他人', answers: ['否'] })
    })

    it('rejects a question whose condition names a later question, itself or no question', () => {
      const later = edit(DIBAO, '    提问: 是不是委托别人替您申请？\n', '    提问: 是不是委托别人替您申请？\n    条件: { 问题: 户籍类型, 答案: 农村 }\n')
      expect(errorsWith({ [DIBAO_FILE]: later })).toEqual([
        `${DIBAO_FILE}:${lineOf(later, '问题: 户籍类型, 答案: 农村')} 情形问题[1].条件.问题：问题的条件只能依据排在它前面的问题，"户籍类型" 不在它前面（它是第一个问题，前面没有问题可依据）`,
      ])
      const itself = edit(DIBAO, '    选项: [城镇, 农村]\n', '    选项: [城镇, 农村]\n    条件: { 问题: 户籍类型, 答案: 城镇 }\n')
      expect(errorsWith({ [DIBAO_FILE]: itself })).toEqual([
        `${DIBAO_FILE}:${lineOf(itself, '问题: 户籍类型, 答案: 城镇')} 情形问题[2].条件.问题：问题的条件只能依据排在它前面的问题，"户籍类型" 不在它前面（它前面的问题有：委托他人）`,
      ])
      const unknown = edit(DIBAO, '    选项: [城镇, 农村]\n', '    选项: [城镇, 农村]\n    条件: { 问题: 代办, 答案: 是 }\n')
      expect(errorsWith({ [DIBAO_FILE]: unknown })).toEqual([
        `${DIBAO_FILE}:${lineOf(unknown, '问题: 代办, 答案: 是')} 情形问题[2].条件.问题：没有编号为 "代办" 的情形问题（它前面的问题有：委托他人）`,
      ])
    })

    it('rejects a question condition whose answer is not an option of the earlier question', () => {
      const { text, errors } = dibaoErrors('    选项: [城镇, 农村]\n', '    选项: [城镇, 农村]\n    条件: { 问题: 委托他人, 答案: 不是 }\n')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '答案: 不是')} 情形问题[2].条件.答案："不是" 不是问题 "委托他人" 的选项（可选：是、否）`,
      ])
    })

    it('rejects a service point that service-points.yaml does not have', () => {
      const { text, errors } = dibaoErrors('服务点: town-a', '服务点: town-b')
      expect(errors).toEqual([
        `${DIBAO_FILE}:${lineOf(text, '服务点: town-b')} 办理地点[1].服务点：服务点 "town-b" 不在 ${POINTS_FILE} 里，请检查编号`,
      ])
    })
  })

  describe('checks of the service points', () => {
    const pointErrors = (from: string, to: string) => {
      const text = edit(POINTS, from, to)
      return { text, errors: errorsWith({ [POINTS_FILE]: text }) }
    }

    it('rejects an id used twice', () => {
      const { text, errors } = pointErrors('编号: village-a1', '编号: town-a')
      expect(errors[0]).toBe(
        `${POINTS_FILE}:${lineOf(text, '编号: town-a', '甲镇便民服务中心')} 服务点[3].编号：服务点编号 "town-a" 重复，每个服务点的编号要唯一`,
      )
    })

    it('rejects a 上级 that is no service point', () => {
      const { text, errors } = pointErrors('上级: town-a', '上级: town-x')
      expect(errors).toEqual([`${POINTS_FILE}:${lineOf(text, '上级: town-x')} 服务点[3].上级：上级 "town-x" 不是已有的服务点编号`])
    })

    it('rejects a 上级 of the wrong tier', () => {
      const { text, errors } = pointErrors('上级: town-a', '上级: county')
      expect(errors).toEqual([
        `${POINTS_FILE}:${lineOf(text, '上级: county', '甲村')} 服务点[3].上级：村级服务点的上级应为镇级服务点，"county" 是县级`,
      ])
    })

    it('rejects 上级 links that go round in a circle', () => {
      const { text, errors } = pointErrors('    层级: 县\n', '    层级: 县\n    上级: county\n')
      expect(errors).toEqual([`${POINTS_FILE}:${lineOf(text, '上级: county')} 服务点[1].上级：上级关系绕成了圈（"county" 最终又是自己的上级）`])
    })
  })

  it('rejects a synonym variant under two different 标准词', () => {
    const text = edit(SYNONYMS, '说法: [身份证, 二代证]', '说法: [身份证, 低保]')
    expect(errorsWith({ 'catalog/synonyms.yaml': text })).toEqual([
      `catalog/synonyms.yaml:${lineOf(text, '说法: [身份证, 低保]')} 同义词[2].说法[2]：说法 "低保" 已写在标准词 "最低生活保障" 下，一个说法只能对应一个标准词`,
    ])
  })
})
