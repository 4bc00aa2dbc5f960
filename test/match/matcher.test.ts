import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalog } from '../../src/catalog/types.js'
import { CLEAR_MARGIN, CLEAR_SCORE, MIN_SCORE, SURE_MARGIN } from '../../src/match/decide.js'
import { buildMatcher, decide, type Matcher } from '../../src/match/index.js'
import { buildLexicon } from '../../src/match/lexicon.js'
import { canonicalText, createNormalizer } from '../../src/match/normalize.js'
import { findOccurrences } from '../../src/match/occurrences.js'
import { splitPinyin } from '../../src/match/pinyin.js'
import { realCatalog } from './real-catalog.js'

let catalog: Catalog
let matcher: Matcher
let top: (q: string) => string | undefined

beforeAll(async () => {
  ;({ catalog, matcher, top } = await realCatalog())
})

describe('normalization', () => {
  it('folds full width, circled digits and traditional script', () => {
    expect(canonicalText('ＡＢＣ１２３①')).toBe('abc1231')
    expect(canonicalText('辦理殘疾人證')).toBe('办理残疾人证')
  })

  it('marks the unit a filler asking for something to be done follows (残疾证咋办，…), not one after another filler', () => {
    const n = createNormalizer(['请问', '咋办', '吧'], () => false, undefined, (f) => f === '咋办')
    const marked = (q: string) => n.units(q).map((seg) => seg.filter((u) => u.requestAfter).map((u) => u.text).join(''))
    expect(marked('村里说有好处，这种残疾证咋办，俺能替他跑不')).toEqual(['', '证', ''])
    expect(marked('请问低保，俺能办不')).toEqual(['', ''])
  })

  it('reads a part followed by 咋办 as where the request is, among parts of story', () => {
    const [first, second] = matcher.match('俺娘眼睛不好使好几年了，一直没人管，村里说办个证以后有补贴，视力的残疾证咋办，俺是她闺女能替她跑不')
    expect(first?.item.name).toBe('办理残疾人证')
    expect(first!.score - second!.score).toBeGreaterThan(0.1)
  })

  it('breaks at filler phrases and keeps particles that belong to a word', () => {
    const n = createNormalizer(['请问', '怎么办', '吧', '了'], (s) => s === '网吧')
    const text = (q: string) => n.units(q).map((seg) => seg.map((u) => u.text).join(''))
    expect(text('请问低保怎么办')).toEqual(['低保'])
    expect(text('开网吧')).toEqual(['开网吧'])
    expect(text('家里着了火')).toEqual(['家里着火'])
    // The unit after a dropped particle says so: 交的医保 is not 交医保.
    expect(n.units('交了医保')[0]!.map((u) => u.afterParticle)).toEqual([undefined, '了', undefined])
  })

  it('drops characters nobody can see (NUL, zero-width, direction overrides), which would split words', () => {
    expect(canonicalText('低\u0000保\u200b申\u202e请\ufeff')).toBe('低保申请')
    expect(top('低\u200b保怎么办')).toBe('最低生活保障申请')
  })

  it('joins characters typed one by one with spaces, and keeps spaces between phrases', () => {
    const n = createNormalizer([])
    const text = (q: string) => n.units(q).map((seg) => seg.map((u) => u.text).join(''))
    expect(text('公 积 金 提 取')).toEqual(['公积金提取'])
    expect(text('俺家穷 能办低保')).toEqual(['俺家穷', '能办低保'])
    expect(text('低保 咋 办')).toEqual(['低保咋办'])
  })

  it('splits pinyin runs into syllables and rejects non-pinyin words', () => {
    expect(splitPinyin('gongjijin')).toEqual(['gong', 'ji', 'jin'])
    expect(splitPinyin('xyzq')).toBeUndefined()
  })
})

describe('match(question)', () => {
  it.each([
    ['低保怎么办', '最低生活保障申请'],
    ['残疾证要带啥', '办理残疾人证'],
    ['想办个残废证 得去哪鉴定', '办理残疾人证'],
    ['想办个个体户', '个体工商户登记'],
    ['新农合在哪交钱', '城乡居民基本医疗保险参保登记和缴费'],
    ['准生证', '一孩、二孩生育登记及《服务手册》发放'],
    ['五保户申请', '特困人员救助供养申请'],
    ['房子过户', '不动产转移登记'],
  ])('maps the colloquial %s to %s through the synonyms file', (q, name) => {
    expect(top(q)).toBe(name)
  })

  it.each([
    ['底保咋申请', '最低生活保障申请'],
    ['结婚登纪', '结婚登记'],
    ['残疾正', '办理残疾人证'],
  ])('tolerates the homophone typo in %s', (q, name) => {
    expect(top(q)).toBe(name)
  })

  it('tolerates one wrong character in a long term when it sounds near (the pinyin keyboard slipped)', () => {
    expect(top('个休工商户注册')).toBe('个体工商户登记')
  })

  it('hears a common word typed for a term’s character when the rest of the term is typed exactly', () => {
    // 要 is typed on purpose far more often than by mistake, but 兽要 and 农要 can only be 兽药 and 农药.
    expect(top('开个兽要店要办啥')).toBe('兽药经营许可审批')
    expect(top('卖农要的许可证咋办')).toBe('农药经营许可')
    expect(top('我要办低保')).toBe('最低生活保障申请')
  })

  it('does not take a different word or an inserted measure word for a typo', () => {
    const terms = (q: string) => matcher.match(q).map((r) => r.item.name)
    // 车 for 房 is another thing, not a slip: a used car is not a flat.
    expect(matcher.match('二手车过户')[0]?.score ?? 0).toBeLessThan(matcher.match('二手房过户')[0]!.score)
    // 个 is typed on purpose (出个证明), it does not stand for 生 (出生证明).
    expect(terms('出个证明')).not.toContain('出生登记（新生儿落户）')
  })

  it('does not read a span typed exactly as one term as another with one character changed', () => {
    // 买房过户 is a keyword (the house's transfer): not 买房落户 (moving one's 户口 after buying a flat).
    const lexicon = buildLexicon(catalog)
    const normalizer = createNormalizer(catalog.words.fillers, (s) => lexicon.surfaces.has(s))
    const reads = findOccurrences(lexicon, normalizer.units('买房过户要带啥')).map((o) => o.read)
    expect(reads).not.toContain('买房落户')
  })

  it('does not read a character of a word typed exactly, reaching outside the window, as a wrong one', () => {
    // 门 of 部门 (a 泛词) is no slip for 没: 部门报年报 is not 没报年报 (经营异常名录's keyword).
    const lexicon = buildLexicon(catalog)
    const normalizer = createNormalizer(catalog.words.fillers, (s) => lexicon.surfaces.has(s))
    for (const q of ['去年没给出版部门报年报', '厂里年底才给主管部门报年报']) {
      expect(findOccurrences(lexicon, normalizer.units(q)).map((o) => o.read), q).not.toContain('没报年报')
    }
    // Typed as a slip where no word holds it, it is still read.
    expect(findOccurrences(lexicon, normalizer.units('公司梅报年报咋办')).map((o) => o.read)).toContain('没报年报')
  })

  it('reads a look-alike character (形近字) as the one it is written for when nothing is found as typed', () => {
    expect(top('想办个居往证 要带啥')).toBe('居住证办理')
    expect(top('特因供养咋申请')).toBe('特困人员救助供养申请')
    expect(top('夫业金去哪领')).toBe('失业保险金申领')
    expect(top('林木采代证咋办')).toBe('林木采伐许可证核发审批')
    expect(top('士地承包合同咋签')).toBe('农村土地（不含草原、林地）承包经营以及有关合同管理和农村集体产权制度改革政策宣传咨询服务')
    // The groups are the admin's (match-words.yaml 形近字): without them, nothing.
    const plain = buildMatcher({ ...catalog, words: { ...catalog.words, lookalikes: [] } })
    expect(plain.match('想办个居往证 要带啥')).toEqual([])
  })

  it('reads no look-alike into a two-character term: 人保 is the insurer, 货款, 入口, 接人 are words as typed', () => {
    for (const q of ['人保的保险咋理赔', '人保电话多少', '人保财险咋理赔', '中国人保车险理赔', '货款要不回来咋办', '入口在哪', '接人的车几点到', '转人工', '往院里搬东西', '往房顶上爬'])
      expect(matcher.match(q), q).toEqual([])
    // Two typed characters or more back the reading: these still find their items.
    expect(top('居往证咋办')).toBe('居住证办理')
    expect(top('夫业金去哪领')).toBe('失业保险金申领')
    expect(top('特因供养咋申请')).toBe('特困人员救助供养申请')
  })

  it('reads no look-alike in a question found as typed, and reads a 目录外 word so as named', () => {
    const plain = buildMatcher({ ...catalog, words: { ...catalog.words, lookalikes: [] } })
    // 往, 入, 已 typed on purpose: the answer is the one without the 形近字 list.
    for (const q of ['低保材料往哪交', '户口迁入要带啥', '身份证已经过期了咋换']) expect(matcher.match(q), q).toEqual(plain.match(q))
    // 助学货款 is 助学贷款 (目录外): not the stamping item that has the word in a 常见问法.
    expect(matcher.match('孩子上大学的助学货款在哪办')).toEqual([])
  })

  it('finds the item whose 常见问法 the question is, as an admin who adds a resident’s exact words expects', () => {
    const item = catalog.items.find((i) => i.name === '林木采伐许可证核发审批')!
    const question = '房后那几棵杨树挡着光了想放倒它们得开个条子'
    expect(top(question)).not.toBe(item.name)
    const edited = { ...catalog, items: catalog.items.map((i) => (i === item ? { ...i, phrasings: [...i.phrasings, question] } : i)) }
    const withPhrasing = buildMatcher(edited)
    expect(withPhrasing.match(question)[0]).toMatchObject({ item: { name: item.name }, score: 0.97 })
    // The same words typed with fillers, punctuation and full-width characters are still that phrasing.
    expect(withPhrasing.match('请问，房后那几棵杨树挡着光了！想放倒它们，得开个条子？？')[0]?.item.name).toBe(item.name)
  })

  it('meets a keyword written with a particle (了, 的), which questions lose before matching', () => {
    const item = catalog.items.find((i) => i.name === '临时救助申请')!
    const edited = { ...catalog, items: catalog.items.map((i) => (i === item ? { ...i, keywords: [...i.keywords, '牛棚塌了'] } : i)) }
    expect(buildMatcher(edited).match('俺家牛棚塌了')[0]?.item.name).toBe(item.name)
  })

  it('doubts an item when the question names something from the 目录外 list that the item does not mention', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, outside: [] } })
    for (const q of ['二手车过户', '手机上咋交电费', '退役军人优待证咋办', '孩子中考报名啥时候', '手机欠费停机了咋整', '俺在企业退休的 养老金涨了没', '医保卡里的钱能取出来吗']) {
      expect(without.match(q), q).not.toEqual([])
      expect(matcher.match(q), q).toEqual([])
    }
    // An item that mentions the word is not doubted.
    const item = catalog.items.find((i) => i.name === '水电气热过户')!
    const edited = { ...catalog, items: catalog.items.map((i) => (i === item ? { ...i, keywords: [...i.keywords, '交电费'] } : i)) }
    expect(buildMatcher(edited).match('手机上咋交电费')[0]?.item.name).toBe(item.name)
    // A listed word that is only a detail of an in-scope question does not outweigh the item's own words.
    const inScope: [string, string][] = [
      ['再婚结婚登记要带离婚证吗', '结婚登记'],
      ['高考户口迁回', '户口迁入登记'],
      ['开汽车修理店办个体户', '个体工商户登记'],
      ['残疾人轮椅补贴', '困难残疾人生活补贴和重度残疾人护理补贴申请'],
      ['异地就医备案要带医保卡吗', '医保异地就医备案'],
      ['孩子上幼儿园要办出生证明', '出生登记（新生儿落户）'],
      // The item's words cut the same characters another way (印刷企业 + 年报 across 企业年报).
      ['印刷企业年报', '印刷企业年度报告'],
    ]
    for (const [q, name] of inScope) {
      expect(without.match(q).length, q).toBeGreaterThan(0)
      expect(top(q), q).toBe(name)
    }
    expect(matcher.match('印刷企业年报')[0]!.score).toBe(without.match('印刷企业年报')[0]!.score)
  })
  it('doubts an item that has a 目录外 word only inside a longer keyword, unless that keyword or another own word is asked too', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, outside: [] } })
    // 考月嫂 and 博物馆免费 hold the word, but a price or opening hours are asked about the 目录外 thing itself.
    expect(without.match('县博物馆几点开门')).not.toEqual([])
    for (const q of ['月嫂一个月多少钱', '请个月嫂多少钱', '县博物馆几点开门']) expect(matcher.match(q), q).toEqual([])
    const inScope: [string, string][] = [
      ['想干月嫂 证在哪考', '申报职业技能鉴定'],
      ['当月嫂要考啥证', '申报职业技能鉴定'],
      ['老人去博物馆免费吗 要办啥证', '《山东省老年人优待证》办理'],
    ]
    for (const [q, name] of inScope) expect(top(q), q).toBe(name)
  })


  it('takes the part of a long question where the resident asks for something (请求字) as what the item must explain', () => {
    const q = '俺兄弟在工地上把腿弄瘸了 想办个残急证 上哪去评'
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, asking: [] } })
    // Without the request part (想办个残急证) explained, the story leaves 办理残疾人证 at most doubtful.
    expect(without.match(q)[0]?.score ?? 0).toBeLessThan(0.55)
    expect(top(q)).toBe('办理残疾人证')
    expect(matcher.match(q)[0]!.score).toBeGreaterThan(0.7)
    // The story alone, without a part that asks for anything, is not raised.
    expect(matcher.match('俺兄弟在工地上把腿弄瘸了 残急')).toEqual(without.match('俺兄弟在工地上把腿弄瘸了 残急'))
  })

  it('finds the request typed straight after the story, with no break: from 想 / 要 followed by a 请求字', () => {
    const q = '俺娘岁数大了身体不好想给她办个低保'
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, asking: [] } })
    expect(without.match(q)).toEqual([])
    expect(top(q)).toBe('最低生活保障申请')
    // 想 with no request after it marks nothing: the story alone is still not raised.
    expect(matcher.match('俺娘岁数大了身体不好想低保')).toEqual(without.match('俺娘岁数大了身体不好想低保'))
  })

  it('doubts an item found only through words of its 常见问法 (context, not necessarily the subject)', () => {
    // 印章管理 has 助学贷款的表要镇上盖章咋弄 among its phrasings: stamping is its business, the loan is not.
    expect(matcher.match('俺孙子考大学 想办个助学贷款')).toEqual([])
    expect(top('助学贷款的表要镇上盖章咋弄')).toBe('印章管理')
    // Nor when the 目录外 word itself is the only one of its phrasings the question has; 盖章 beside it is the item's.
    expect(matcher.match('大学生助学贷款去哪申请')).toEqual([])
    expect(top('助学贷款的表去哪盖章')).toBe('印章管理')
  })

  it('weighs a 目录外 word typed object first, and counts a guessed word (homophone, typo) less against one typed exactly', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, outside: [] } })
    // 电费咋交 is 交电费 turned round; in 快递寄到外地, 寄到外地 read as 嫁到外地 is a one-character guess.
    for (const q of ['电费咋交 手机上能交不', '快递咋寄到外地']) {
      expect(without.match(q), q).not.toEqual([])
      expect(matcher.match(q), q).toEqual([])
    }
    // A part of the question that is the 目录外 word by itself is what the resident asks for, however many of the
    // item's words the other parts have.
    const q = '孩子想从镇上的学校转到县城的学校，转学咋办'
    expect(without.match(q), q).not.toEqual([])
    expect(matcher.match(q), q).toEqual([])
    // The guess alone, with nothing outside the catalogue in the question, is still taken.
    expect(top('闺女寄到外地了户口咋办')).toBe('计划生育关系迁入、迁出')
  })
  it('rejects a question asking for a 目录外动作 (注销, 报销, 补偿) the item it names does not do', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, actions: [] } })
    // However well the rest names an item: 食品经营许可证 is that item's whole name, but 注销 is not what it does.
    for (const q of ['食品经营许可证咋注销', '合作社不办了咋注销', '住院报销能报多少', '营业执照上的地址要变更咋办']) {
      expect(without.match(q), q).not.toEqual([])
      expect(matcher.match(q), q).toEqual([])
    }
    // 拆迁 is a 目录外 word too, and 政府信息公开 has it only inside 拆迁补偿文件: without 文件 it is not that item's either.
    expect(matcher.match('拆迁补偿咋算')).toEqual([])
    // An item that mentions the action only inside a keyword (异地就医报销, 养老保险注销) does it in that context alone.
    // (关门 is a 泛词, so 公司关门了要注销 is read as the 目录外 word 公司注销 over it: 不干了 keeps that out of the way.)
    const outOfContext = '公司不干了要注销，注销咋弄'
    expect(without.match(outOfContext)[0]?.item.name).toBe('居民养老保险待遇登记及终止')
    expect(matcher.match(outOfContext)).toEqual([])
    expect(matcher.match('公司关门了要注销，注销咋弄')).toEqual([])
    const inScope: [string, string][] = [
      ['在外地住院咋报销', '医保异地就医备案'],
      ['去北京看病，医保报销要先备案吗', '医保异地就医备案'],
      ['低保户住院能二次报销不', '医疗救助申请'],
      ['老人去世了 养老保险注销', '居民养老保险待遇登记及终止'],
      ['电表户名变更', '水电气热过户'],
      ['想看看村里拆迁补偿的文件 咋申请公开', '政府信息公开申请'],
      // The item's own words in another part of the question: the action is a detail there.
      ['怀上二胎了，要去哪登记领那个小本子，产检报销要用', '一孩、二孩生育登记及《服务手册》发放'],
    ]
    for (const [q, name] of inScope) expect(top(q), q).toBe(name)
  })

  it('rejects asking for a thing lost or reissued (丢了, 咋补) that the item naming it does not say it reissues', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, reissue: [] } })
    // 出生登记 uses the 出生医学证明, 结婚登记 issues the 结婚证 once: neither says it issues them again.
    for (const q of ['出生医学证明丢了 咋补', '结婚证弄丢了 能补办不', '补个结婚证要带啥', '房产证丢了咋补', '独生子女光荣证丢了 咋补']) {
      expect(without.match(q), q).not.toEqual([])
      expect(matcher.match(q), q).toEqual([])
    }
    // A 常见问法 that loses the thing while asking for something else (光荣证丢了咋领独生子女钱) does not make its item reissue it.
    expect(without.match('独生子女证丢了')).not.toEqual([])
    expect(matcher.match('独生子女证丢了')).toEqual([])
    const inScope: [string, string][] = [
      // Items that say so: a keyword (补残疾证, 身份证丢了, 公章丢了) or a 常见问法 asking for it again (老年优待证丢了能补吗).
      ['残疾证丢了', '办理残疾人证'],
      ['身份证丢了 咋补', '居民身份证申领、换领、补领'],
      ['老年证丢了能补不', '《山东省老年人优待证》办理'],
      ['公章丢了咋补刻', '印章管理'],
      // The lost thing is a material of what the question asks for, named beside it.
      ['小孩报户口 出生证明丢了咋整', '出生登记（新生儿落户）'],
      // Typed right against it, a word holding a request verb (报户口, 上户口) is not part of the lost thing's name.
      ['孩子报户口出生证明丢了', '出生登记（新生儿落户）'],
      ['小孩上户口出生证丢了咋办', '出生登记（新生儿落户）'],
      ['光荣证丢了还能领独生子女费吗', '农村和城镇无业人员独生子女父母奖励费发放'],
      // 补 with no certificate next to it asks for more money, not a reissue.
      ['低保户看病 医保报完了还能再补点吗', '医疗救助申请'],
    ]
    for (const [q, name] of inScope) expect(top(q), q).toBe(name)
  })

  it('offers a runner-up a little under the bar once the question is in scope', () => {
    const [, second] = matcher.match('供水单位卫生许可')
    expect(second?.item.name).toBe('公共场所卫生许可')
    expect(second!.score).toBeLessThan(MIN_SCORE)
  })

  it('reads the words of a name’s bracketed gloss as a keyword’s, not the name’s own (落户 in 出生登记（新生儿落户）)', () => {
    // 落户 alone is first a move (户口迁入登记's keyword); a newborn's registration is offered after it.
    const names = matcher.match('落户').map((r) => r.item.name)
    expect(names.slice(0, 2)).toEqual(['户口迁入登记', '出生登记（新生儿落户）'])
    expect(top('孩子落户要带啥')).toBe('出生登记（新生儿落户）')
  })

  it('does not hold a resident’s own words for the situation against the item a term names', () => {
    // Only 打药 and 除草剂 are catalogue words; the crops, the neighbour and the damage are the resident's.
    expect(top('俺家玉米让隔壁打的除草剂飘过来熏死了')).toBe('农药使用事故处理')
    expect(top('打完药麦苗叶子全黄了找谁')).toBe('农药使用事故处理')
  })

  it('takes spraying without harm as 农业技术推广, with harm as 农药使用事故处理', () => {
    expect(top('小麦啥时候打药好 问谁')).toBe('农业技术推广')
    expect(top('邻居家打药飘到俺家地里 菜都死了 找谁')).toBe('农药使用事故处理')
  })

  it('knows 用章 as residents’ word for 用印 at the centre', () => {
    expect(top('便民中心 用章 咋申请')).toBe('印章管理')
    expect(top('俺要用个章 镇上咋弄')).toBe('印章管理')
  })

  it('reads 那种 (盖章的那种) as saying which kind, not what: a company’s own words for its workers’ 社保 decide', () => {
    expect(top('俺们厂给工人交社保的证明 要盖章的那种 在哪打')).toBe('单位参保证明查询打印')
  })

  it('reads the county’s own place names as saying where, not what', () => {
    for (const q of ['大店镇低保怎么办', '莒南县低保', '我要办低保，我是大店镇的', '十字路街道办低保']) {
      expect(top(q), q).toBe('最低生活保障申请')
    }
  })

  it('reads a verb-first keyword typed object first, with 怎么 in between (医保怎么交 is 交医保)', () => {
    expect(top('医保怎么交')).toBe('城乡居民基本医疗保险参保登记和缴费')
    expect(top('证明咋开')).toBe('印章管理')
    expect(matcher.match('户口咋迁')[0]?.score).toBeGreaterThan(0.7)
    // Also with neutral words between the thing and the verb.
    expect(top('证明上哪开')).toBe('印章管理')
    expect(top('公章上哪盖')).toBe('印章管理')
    expect(top('医保上哪交')).toBe('城乡居民基本医疗保险参保登记和缴费')
    // 停 too: 农保咋停 is 停农保.
    expect(top('老人没了 农保咋停')).toBe('居民养老保险待遇登记及终止')
    // 刻 too: a seal cut (公章去哪刻 is 刻公章), after a story of the new business.
    expect(matcher.match('公章去哪刻')[0]).toMatchObject({ item: { name: '印章管理' } })
    expect(matcher.match('公章去哪刻')[0]!.score).toBeGreaterThan(0.65)
    expect(top('新开的店 公章上哪刻去')).toBe('印章管理')
    expect(matcher.match('石碑在哪刻')).toEqual([])
  })

  it('reads a verb-first keyword with its object said in other words (交农保 typed 交城乡居民养老保险), either way round', () => {
    const lexicon = buildLexicon(catalog)
    const normalizer = createNormalizer(catalog.words.fillers, (w) => lexicon.surfaces.has(w))
    const terms = (q: string) => findOccurrences(lexicon, normalizer.units(q)).map((o) => o.term)
    // 农保 and 城乡居民养老保险 are one term (synonyms.yaml), so 交农保 is met with either after 交.
    expect(terms('想给老人交个城乡居民养老保险')).toContain('交农保')
    expect(terms('城乡居民养老保险在手机上咋交')).toContain('交农保')
    // Not across a particle: 交的农村养老保险 is the insurance paid.
    expect(terms('交的农村养老保险')).not.toContain('交农保')
    const [first, second] = matcher.match('交居民养老保险要带啥')
    expect(first?.item.name).toBe('城乡居民养老保险参保登记')
    expect(first!.score - second!.score).toBeGreaterThan(0.05)
    expect(top('俺下个月满60了 交的农村养老保险 咋去领钱')).toBe('居民养老保险待遇登记及终止')
  })

  it('reads a thing typed before its verb across where it is done (医保 在手机上能交吗), and a thing heard by sound (医宝)', () => {
    expect(top('医保 手机上能交不')).toBe('城乡居民基本医疗保险参保登记和缴费')
    expect(top('医保 微信上能交不 俺爹娘的')).toBe('城乡居民基本医疗保险参保登记和缴费')
    expect(top('医宝 在手机上能交吗')).toBe('城乡居民基本医疗保险参保登记和缴费')
    // 电费 … 交 is 交电费, which is outside the catalogue, not a 水电过户.
    expect(matcher.match('电费咋在手机上交')).toEqual([])
  })

  it('reads words residents use for a death as 去世, and a bride moving in as a 户口 move', () => {
    expect(top('俺娘病故了 她每月的养老钱还能领不')).toBe('居民养老保险待遇登记及终止')
    expect(top('闺女结婚了 户口迁到婆家')).toBe('户口迁入登记')
    expect(top('厨师证上的信息不对 去哪改')).toBe('更正职业资格证书信息申请')
  })

  it('reads a 泛词 typed whole as that word, not the term inside it (种猪往外卖 is no 外卖)', () => {
    const lexicon = buildLexicon(catalog)
    const normalizer = createNormalizer(catalog.words.fillers, (w) => lexicon.surfaces.has(w))
    const terms = findOccurrences(lexicon, normalizer.units('种猪往外卖')).map((o) => o.term)
    expect(terms).toContain('往外卖')
    expect(terms).not.toContain('外卖')
    expect(top('俺养的种猪想往外卖 要啥许可')).toBe('种畜禽生产经营许可')
    expect(top('外卖店要办啥证')).toBe('食品经营许可')
  })

  it('takes 过户 alone first as a house’s, and 老年卡 as the 老年人优待证', () => {
    // The 说法 过户 is inside 水电气热过户's name, but its standard word 转移登记 is the house's item's.
    expect(matcher.match('过户').map((r) => r.item.name).slice(0, 2)).toEqual(['不动产转移登记', '水电气热过户'])
    expect(top('俺娘想办个老年卡')).toBe('《山东省老年人优待证》办理')
  })

  it('knows 过户 of a house is 转移登记 and a utility 过户 by its 水电, and words residents use for 房产证 and 交房', () => {
    expect(top('房子卖了去办过户')).toBe('不动产转移登记')
    expect(top('水电过户带啥')).toBe('水电气热过户')
    expect(top('新楼刚收房 大本咋领')).toBe('新建商品房不动产登记（交房即办证）')
    expect(top('网上买的面霜用了过敏 投诉哪')).toBe('药品、医疗器械、化妆品投诉举报处理')
  })

  it('reads 瘫在床上 as 卧床 and 偏瘫 as 瘫痪, and 上门 as how to apply, not what', () => {
    expect(top('俺爹瘫在床上了 国家有啥补助不')).toBe('经济困难老年人补贴给付')
    const paralysed = matcher.match('俺娘偏瘫了 有补贴吗').map((r) => r.item.name)
    expect(paralysed.slice(0, 2)).toEqual(expect.arrayContaining(['困难残疾人生活补贴和重度残疾人护理补贴申请', '经济困难老年人补贴给付']))
    expect(top('俺爹瘫在床上 身份证过期了 能上门办吗')).toBe('居民身份证申领、换领、补领')
  })

  it('finds 食品经营许可 for a small restaurant said as residents say it (开个小饭店)', () => {
    expect(top('开个小饭店要办啥证')).toBe('食品经营许可')
    expect(top('想开个小餐馆')).toBe('食品经营许可')
  })

  it('compares what a homophone or pinyin find read, not the typo, and asks nothing of 批下来 (底保多久能批下来)', () => {
    expect(top('底保多久能批下来')).toBe('最低生活保障申请')
    expect(matcher.match('gongjijin tiqu')[0]!.score).toBeGreaterThan(0.9)
  })

  it('does not credit an item with a short word its texts only have across two of their own (生育证 in 计划生育证明)', () => {
    const lexicon = buildLexicon(catalog)
    const itemsOf = (term: string) => [...(lexicon.postings.get(term)?.items ?? [])].map((i) => lexicon.items[i]!.name)
    // 计划生育证明 is 计划生育 + 证明; 互联网上网服务 is 互联网 + 上网.
    expect(itemsOf('生育登记')).not.toContain('计划生育关系迁入、迁出')
    expect(itemsOf('网上')).not.toContain('互联网上网服务营业场所经营单位从事互联网上网服务经营活动许可')
    // A word read whole inside a longer one stays (证书 in 资格证书), as does one nothing else reads (学校 in 公办学校).
    expect(itemsOf('证书')).toContain('更正职业资格证书信息申请')
    expect(itemsOf('学校')).toContain('随迁子女义务教育入学申请')
    expect(top('生育服务手册 外地的在这能办不')).toBe('一孩、二孩生育登记及《服务手册》发放')
  })

  it('does not read as a homophone a character that belongs to a word typed exactly (要迁到 has 迁到, so no 要钱)', () => {
    const lexicon = buildLexicon(catalog)
    const normalizer = createNormalizer(catalog.words.fillers, (w) => lexicon.surfaces.has(w))
    const terms = (q: string) => findOccurrences(lexicon, normalizer.units(q)).map((o) => o.term)
    expect(terms('俺媳妇户口要迁到俺村')).not.toContain('要钱')
    // A homophone typo still counts where the typed characters make no word of their own.
    expect(terms('底保咋申请')).toContain('最低生活保障')
  })

  it('counts the words that do not overlap and say most together, not the single heaviest find first', () => {
    // 户口要迁 also reads as 迁户口 spread over 要; taken first, it would shut out 户口 and 迁到, which say more.
    expect(top('俺媳妇户口要迁到俺村，咋办')).toBe('户口迁入登记')
  })

  it('counts as explained every unit an item’s keywords read, overlapping ones too (种鸡 and 鸡苗 in 种鸡苗)', () => {
    expect(top('俺想卖种鸡苗 要办啥证')).toBe('种畜禽生产经营许可')
  })

  it('does not also read a word typed exactly as a catalogue term as its homophone', () => {
    // 救急 is 临时救助's word; by sound it is also 救济, one of 低保's, which would make the two a tie.
    const [first, second] = matcher.match('出了车祸家里揭不开锅了有啥救急的')
    expect(first?.item.name).toBe('临时救助申请')
    expect(first!.score - (second?.score ?? 0)).toBeGreaterThan(0.1)
  })

  it('finds a term with a measure word typed inside it', () => {
    expect(top('盖个章')).toBe('印章管理')
    expect(top('开个证明')).toBe('印章管理')
    expect(top('办个居住证')).toBe('居住证办理')
    expect(top('想砍几棵树')).toBe('林木采伐许可证核发审批')
    // Said so, it counts nearly as much as typed whole: 刻个章 outweighs the 合作社 it is for.
    expect(top('村里合作社要刻个章上哪刻')).toBe('印章管理')
  })

  it('finds a verb and its object with a 泛词 saying whose between them (盖镇政府的章)', () => {
    expect(top('俺办个事 材料上得盖镇政府的章 去便民服务中心找谁')).toBe('印章管理')
    expect(top('俺要在材料上盖个镇里的章上哪盖')).toBe('印章管理')
  })

  it('reads pinyin questions with their fillers (zenme ban) like the Han ones', () => {
    expect(top('dibao zenme ban')).toBe('最低生活保障申请')
    expect(top('wo xiang ban di bao')).toBe('最低生活保障申请')
    // zhang is also the measure word 张, but here it belongs to 刻章.
    expect(top('kezhang zai nali ban')).toBe('印章管理')
    // Object first, verb last, as with Han characters (yibao zenme jiao is 交医保).
    expect(top('yibao zenme jiao')).toBe('城乡居民基本医疗保险参保登记和缴费')
    // xing bu xing is the filler 行不行, though bu xing alone sounds like a term (不行).
    expect(top('gai zhang qu zhen bianmin zhongxin xing bu xing')).toBe('印章管理')
    expect(matcher.match('jintian tianqi zenmeyang')).toEqual([])
  })

  it('accepts toneless pinyin and traditional characters', () => {
    expect(top('gongjijin tiqu')).toBe('住房公积金提取')
    expect(top('辦理居住證')).toBe('居住证办理')
  })

  it('reads pinyin typed with tone marks as toneless, ü as v', () => {
    expect(canonicalText('dī bǎo Lǜ ÀI')).toBe('di bao lv ai')
    expect(top('shēn fèn zhèng diū le')).toBe('居民身份证申领、换领、补领')
    expect(top('dī bǎo zěn me shēn qǐng')).toBe('最低生活保障申请')
  })

  it('returns nothing for questions outside the catalogue', () => {
    for (const q of ['你好', '今天天气怎么样', '帮我叫个出租车', '护照怎么办', '讲个笑话', '😀😀', '', '   ']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })

  it('reads a 目录外 stop said thing first (自来水停了 is 停水, 电停了 is 停电) and 没水 as 停水', () => {
    expect(matcher.match('家里自来水停了三天了 找哪个部门')).toEqual([])
    expect(matcher.match('自来水都停了两天了')).toEqual([])
    expect(matcher.match('自来水没水了 找谁')).toEqual([])
    // The water itself is still the catalogue's where the question asks for an item's service.
    expect(top('自来水换户名咋办')).toBe('水电气热过户')
  })

  it('does not take filing a licence’s annual report (年报) for 经营异常名录, which is about not having filed it', () => {
    expect(matcher.match('公司的营业执照年报咋报')).toEqual([])
    expect(matcher.match('个体户营业执照年报在哪报')).toEqual([])
    expect(matcher.match('营业执照每年都得年报吗')).toEqual([])
    expect(top('营业执照年报没按时报咋办')).toBe('经营异常名录（状态）的列入、移出')
    expect(top('年报没报被列入异常了')).toBe('经营异常名录（状态）的列入、移出')
    expect(top('印刷厂的年报在哪报')).toBe('印刷企业年度报告')
  })

  it('reads a 目录外 word typed apart over a comma or space (创业 … 补贴 is 创业补贴), and only such a word', () => {
    expect(matcher.match('残疾人创业，政府给补贴不')).toEqual([])
    expect(matcher.match('残疾人自主创业 有补贴吗')).toEqual([])
    expect(top('俺是残疾人，有补贴吗')).toBe('困难残疾人生活补贴和重度残疾人护理补贴申请')
    expect(top('回乡创业开个小卖部 要办啥执照')).toBe('个体工商户登记')
  })

  it('answers a question sent several times over as it answers it once (想办个低保，想办个低保，…)', () => {
    const once = '俺娘腿脚不好家里困难想办个低保'
    const scores = (q: string) => matcher.match(q).map((r) => [r.item.name, r.score])
    for (const repeated of [Array(8).fill(once).join('，'), Array(8).fill(once).join(' '), once.repeat(8)]) {
      expect(scores(repeated), repeated).toEqual(scores(once))
    }
    expect(top(once)).toBe('最低生活保障申请')
  })

  it('ranks best first with confidences in [0, 1] and at most the limit', () => {
    const results = matcher.match('老人补贴', 3)
    expect(results.length).toBeLessThanOrEqual(3)
    for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0), expect(r.score).toBeLessThanOrEqual(1)
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a))
  })

  it('is deterministic and survives hostile input', () => {
    const q = '我家老人七十了，听说有个卡去公园不要钱'
    expect(matcher.match(q)).toEqual(matcher.match(q))
    expect(() => matcher.match('低保'.repeat(3000))).not.toThrow()
    expect(() => matcher.match('\u0000\ud800<script>')).not.toThrow()
    expect(top('<img src=x onerror=alert(1)>低保')).toBe('最低生活保障申请')
  })
})

describe('decide(results)', () => {
  it('is sure about a clear answer, asks when unsure, and admits when nothing matches', () => {
    expect(decide(matcher.match('残疾证怎么办')).kind).toBe('sure')
    expect(decide([]).kind).toBe('none')
    const close = decide([
      { item: catalog.items[0]!, score: 0.6 },
      { item: catalog.items[1]!, score: 0.58 },
    ])
    expect(close.kind).toBe('choose')
    // A runner-up under the bar is offered among the others but leaves a clear answer clear.
    const withRunnerUp = decide([
      { item: catalog.items[0]!, score: 0.58 },
      { item: catalog.items[1]!, score: 0.46 },
    ])
    expect(withRunnerUp).toMatchObject({ kind: 'sure', others: [{ score: 0.46 }] })
  })

  it('calls a sure answer clear (no 对吗) only at CLEAR_SCORE or above and CLEAR_MARGIN ahead of any runner-up that counts', () => {
    /** decide() on results scored `scores`, best first: whether it is clear, or its kind when not sure. */
    const clear = (...scores: number[]) => {
      const d = decide(scores.map((score, i) => ({ item: catalog.items[i]!, score })))
      return d.kind === 'sure' ? d.clear : d.kind
    }
    expect(CLEAR_SCORE).toBe(0.8)
    expect(CLEAR_MARGIN).toBe(0.2)
    // Alone: the score decides.
    expect(clear(0.999)).toBe(true)
    expect(clear(CLEAR_SCORE)).toBe(true)
    expect(clear(0.799)).toBe(false)
    expect(clear(0.6)).toBe(false)
    // With a runner-up: far enough ahead, or only sure (ahead by SURE_MARGIN but not by CLEAR_MARGIN).
    expect(clear(0.95, 0.74)).toBe(true)
    expect(clear(0.95, 0.76)).toBe(false)
    // Exactly CLEAR_MARGIN ahead is ahead enough, whatever floating point makes of the difference (0.85 − 0.65 < 0.2).
    for (const [best, second] of [[0.85, 0.65], [0.9, 0.7], [1, 0.8], [0.82, 0.62]] as const) expect(clear(best, second), `${best} ${second}`).toBe(true)
    expect(clear(0.95, 0.95 - SURE_MARGIN)).toBe(false)
    expect(clear(0.79, 0.5)).toBe(false)
    // A runner-up under MIN_SCORE does not count, however close: clear on the score alone.
    expect(clear(0.82, MIN_SCORE - 0.01)).toBe(true)
    // Close results are no sure answer at all: nothing to call clear.
    expect(clear(0.9, 0.85)).toBe('choose')
    // The real catalogue: an item's exact name is clear, a loose question (低保咋办 ≈ 0.6) only sure.
    expect(decide(matcher.match('长者食堂助餐补贴申请'))).toMatchObject({ kind: 'sure', clear: true })
    expect(decide(matcher.match('低保咋办'))).toMatchObject({ kind: 'sure', clear: false, result: { item: { name: '最低生活保障申请' } } })
  })

  it('is sure of the item a later part asks for by its verb-first keyword typed whole (想办残疾证), after a story fitting another', () => {
    // 瘫在床上 fits the old people's allowance too; 办残疾证 asks for the card as 办个残疾证 does.
    for (const q of ['老头子瘫在床上，想给他办残疾证', '俺娘卧床好几年了 想办残疾证']) {
      expect(decide(matcher.match(q)), q).toMatchObject({ kind: 'sure', result: { item: { name: '办理残疾人证' } } })
    }
  })

  it('offers, not takes, an item named only by a word that also ends a 目录外 word (老年卡: 公交老年卡 is outside)', () => {
    for (const q of ['老年卡', '老年卡去哪办']) {
      const d = decide(matcher.match(q))
      expect(d.kind, q).toBe('choose')
      expect(d.kind === 'choose' && d.results[0]!.item.name, q).toBe('《山东省老年人优待证》办理')
    }
    // Its own words beside it, or the item's name, are sure as before.
    expect(decide(matcher.match('老年证'))).toMatchObject({ kind: 'sure', clear: true })
    expect(matcher.match('公交老年卡咋办')).toEqual([])
  })

  it('asks which one for a lone word that several items are about (社保, 医保)', () => {
    const social = decide(matcher.match('社保'))
    expect(social.kind).toBe('choose')
    expect(social.kind === 'choose' && social.results.map((r) => r.item.name)).toEqual(
      expect.arrayContaining(['城乡居民养老保险参保登记', '个人参保缴费证明查询打印', '单位参保证明查询打印']),
    )
    const medical = decide(matcher.match('医保'))
    expect(medical.kind === 'choose' && medical.results.map((r) => r.item.name)).toEqual(
      expect.arrayContaining(['城乡居民基本医疗保险参保登记和缴费', '医保异地就医备案']),
    )
  })
})
