import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalog } from '../../src/catalog/types.js'
import { buildMatcher, type Matcher } from '../../src/match/index.js'
import { realCatalog } from './real-catalog.js'

let catalog: Catalog
let matcher: Matcher
let top: (q: string) => string | undefined

beforeAll(async () => {
  ;({ catalog, matcher, top } = await realCatalog())
})

const SUI_QIAN = '随迁子女义务教育入学申请'

/** Questions whose child's 户口 is said to be local: ordinary enrolment, which the catalogue does not handle. */
const LOCAL_CHILD = [
  '俺外孙是本县户口 明年上一年级去哪报名',
  '孩子户口在咱村 今年该念小学了 咋报名',
  '闺女是城区户口，上初中在哪报名',
  '户口在本村的孩子读小学咋报名',
  '俺孩子户口是本地的 上小学要准备啥',
]

describe('不适用: whom an item is not for', () => {
  it('turns away enrolment of a child whose 户口 is local', () => {
    for (const q of LOCAL_CHILD) expect(matcher.match(q), q).toEqual([])
  })

  it('reads the phrase with 就, 也 or 都 before its 在 or 是 (户口就在本镇): the adverb only stresses it', () => {
    for (const q of ['孩子户口就在本镇 上初中按片区分吗', '俺闺女户口也在本县 念小学咋报名']) expect(matcher.match(q), q).toEqual([])
  })

  it('is what turns them away: without it they find 随迁子女入学', () => {
    const without = buildMatcher({ ...catalog, items: catalog.items.map(({ notFor: _, ...item }) => item) })
    for (const q of LOCAL_CHILD) expect(without.match(q)[0]?.item.name, q).toBe(SUI_QIAN)
  })

  it('still finds 随迁子女入学 for a child whose 户口 is elsewhere, or denied to be local', () => {
    for (const q of [
      '外地户口的娃在县城上学咋办',
      '孩子户口还在老家 想接过来上小学',
      '俺们是安徽老家的 孩子来这边念书去哪报名',
      '外省的娃上初中咋报名',
      '随迁子女上学咋报名',
      '户口不在这边 孩子在这上学咋弄',
      '娃不是本地户口 能上一年级吗',
      '孙子跟着他爹在这边 户口在老家 上学咋办',
    ])
      expect(top(q), q).toBe(SUI_QIAN)
  })

  it('leaves other items asked about with 本地户口 alone', () => {
    expect(top('俺是本地户口 想申请低保')).toBe('最低生活保障申请')
    expect(top('本县户口还用办居住证吗')).toBe('居住证办理')
  })
})

describe('不适用: an elder whose family is said not to be poor', () => {
  const WELL_OFF = ['俺爹八十五了 家里条件还可以 高龄补贴能领不', '听说不论穷富 八十岁以上都有高龄补贴 真的假的']

  it('is not served by the allowance for poor elders (经济困难老年人补贴): a universal allowance is not in the catalogue', () => {
    for (const q of WELL_OFF) expect(matcher.match(q), q).toEqual([])
    const without = buildMatcher({ ...catalog, items: catalog.items.map(({ notFor: _, ...item }) => item) })
    for (const q of WELL_OFF) expect(without.match(q)[0]?.item.name, q).toBe('经济困难老年人补贴给付')
  })

  it('still finds the allowance for an elder whose family is poor (家里条件不好, 家里困难)', () => {
    expect(top('俺娘八十了 家里条件不好 高龄补贴咋领')).toBe('经济困难老年人补贴给付')
    expect(top('老人八十多了家里困难 有补贴不')).toBe('经济困难老年人补贴给付')
  })
})
