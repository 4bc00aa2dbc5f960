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

/**
 * The 目录外 list names, department by department, what county residents commonly ask about that the catalogue does
 * not handle: questions about those things are turned to 12345, not offered the nearest item.
 */
describe('目录外 words by department', () => {
  it('turns away questions about other departments’ services', () => {
    const questions = [
      // 公安
      '办护照要多久',
      '户口迁出去外省咋办',
      '人去世了销户口去哪',
      '驾驶证到期了去哪换',
      '交警罚单在哪交',
      // 殡葬、司法
      '火化证明在哪开',
      // 死亡证明: the hospital, the village clinic or the police station, even after a story of the death
      '俺爹在医院走的 死亡证明丢了咋补',
      '老人在家过世了开死亡证明找谁',
      '老人在家里过世了 找谁开死亡医学证明',
      '公墓一个墓穴多少钱',
      '房子赠与给闺女 公证处在哪',
      '被单位辞退了想申请劳动仲裁',
      // 劳动监察 and the village's mediation: wages held back, a neighbour's eaves over the yard
      '跟着包工头在济南干了大半年 年底了工资一直拖着不给 回老家了能找谁',
      '邻居家盖房子 滴水檐滴到俺家院里了 咋整',
      // 税务、教育、医疗、金融、交通
      '增值税发票去哪开',
      '低保户孩子上大学有助学金吗',
      '小孩打预防针在哪打',
      '信用卡逾期了咋办',
      '老人坐高铁能半价不',
      // 住建、燃气、公积金、人社
      '小区物业不管事找谁',
      '天然气开户去哪办',
      '公积金缴存比例多少',
      // the employer's 公积金 account (开户, 汇缴) and a lease filed with 住建 (租房备案)
      '单位给员工开公积金户咋弄',
      '公积金开户找谁',
      '租赁合同备案找谁',
      '房子租出去了 租房备案去哪',
      '社保转移到外地咋办',
      '上班摔伤了算工伤吗',
      // 残联: a disabled driver's fuel subsidy (燃油补贴, 油补) is not the two 残疾人 subsidies
      '残疾人三轮车的油补啥时候发',
      '残疾人机动轮椅车燃油补助在哪领',
      // 城管: a stall fined or cleared away
      '摆地摊被城管罚款了找谁',
      '城管不让摆摊 东西被收了',
      // 农业、民政
      '地力补贴一亩多少钱',
      '养老院一个月收多少钱',
      '婚姻状况证明在哪开',
      '想收养个孩子咋办',
      '建档立卡户怎么认定',
      // 税务（房产税）、文旅（博物馆）、家政
      '城里的门面房每年要交房产税吗',
      '市博物馆周一开放不',
      '县博物馆门票多少钱',
      '找个住家保姆一个月得给多少',
      '雇个育儿嫂贵不贵',
      // 烟草专卖局, commercial insurance, house prices, new water and power meters, a child's name (派出所)
      '烟草专卖零售许可证在哪申请',
      '开烟酒店要办烟草许可 找哪',
      '给老人买商业医疗保险 哪种划算',
      '商业险和新农合能一起报不',
      '镇上的楼现在一平多少钱',
      '新盖的房子想装电表 找谁',
      '村里新接自来水 找哪个部门报装',
      '小孩改名字 户口本上咋改',
      // The yearly check that a pensioner is alive (生存认证, 刷脸认证) is done on a phone app, not the 待遇登记.
      '领养老金的生存认证咋弄',
      '每年领养老钱都得刷脸认证 在哪刷',
      // Wages held back by a boss who ran (老板跑了) are the labour inspectors', not a consumer complaint.
      '老板跑了 工资没发 找谁',
      // A chemist's shop (开药店, 开药房) needs the 药品经营许可, not in the catalogue; a pesticide or vet shop is.
      '想开个药房 找谁批',
      '开个药店要啥手续',
      '开兽医诊所要啥手续',
      '想开个宠物医院咋办证',
      '动物诊疗许可证去哪办',
    ]
    for (const q of questions) expect(matcher.match(q), q).toEqual([])
  })

  it('is what turns them away: without the list they find a look-alike item', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, outside: [] } })
    for (const q of [
      '户口迁出去外省咋办',
      '房子赠与给闺女 公证处在哪',
      '被单位辞退了想申请劳动仲裁',
      // 劳动监察 and the village's mediation: wages held back, a neighbour's eaves over the yard
      '跟着包工头在济南干了大半年 年底了工资一直拖着不给 回老家了能找谁',
      '邻居家盖房子 滴水檐滴到俺家院里了 咋整',
      '老人坐高铁能半价不',
      '天然气开户去哪办',
      '公积金缴存比例多少',
      '想收养个孩子咋办',
      // 动物诊疗许可 (a pet or vet clinic) is not the 兽药经营许可 for selling vet drugs
      '开宠物医院要办动物诊疗许可证吗',
    ]) {
      expect(without.match(q), q).not.toEqual([])
      expect(matcher.match(q), q).toEqual([])
    }
  })

  it('still finds the item when such a word is only a detail of an in-scope question', () => {
    const inScope: [string, string][] = [
      // A material of the item, named in its 常见问法 (火化证明, 公证).
      ['俺爹上个月走了 村里说要去注销养老保险 还得退钱吗 要带火化证明不', '居民养老保险待遇登记及终止'],
      ['老人去世了 养老金停发要火化证明吗', '居民养老保险待遇登记及终止'],
      // 死亡证明 too: the item's keyword 死亡证明停发 names it beside the item's own words (停养老金, 农保咋停).
      ['老人没了 停养老金要拿死亡证明不', '居民养老保险待遇登记及终止'],
      ['俺娘走了 死亡证明开好了 农保咋停', '居民养老保险待遇登记及终止'],
      ['残疾人燃油补贴和护理补贴能一起领不', '困难残疾人生活补贴和重度残疾人护理补贴申请'],
      ['房子过户要公证吗', '不动产转移登记'],
      ['老人走了房子过户给儿子 要公证吗', '不动产转移登记'],
      // The item's own words outweigh the listed word beside them.
      ['老人坐高铁要带优待证吗 去哪办优待证', '《山东省老年人优待证》办理'],
      ['失业了在找工作 能领失业金吗', '失业保险金申领'],
      ['被辞退了没签劳动合同 能领失业金不', '失业保险金申领'],
      ['物业说要先办水电过户', '水电气热过户'],
      ['工伤致残了想办残疾证', '办理残疾人证'],
      ['公积金缴存满半年了 能提取吗', '住房公积金提取'],
      ['婚纱照拍好了 结婚登记要带几张照片', '结婚登记'],
      ['卖猪要检疫 想开个种猪场要啥许可', '种畜禽生产经营许可'],
      ['孩子做手术花了十几万 能申请医疗救助吗', '医疗救助申请'],
      // Words left off the list because residents use them about catalogue items.
      ['老人的房子过户给儿子要交啥税', '不动产转移登记'],
      ['去外地住院 备案了能报多少', '医保异地就医备案'],
      ['外地孩子在这上小学 按学区划片吗', '随迁子女义务教育入学申请'],
      ['开出租车的 想办个体户执照', '个体工商户登记'],
      ['几户农民买了收割机想成立农机合作社', '农民专业合作社登记'],
      ['彩礼给了 想去领结婚证', '结婚登记'],
      ['专利申请了 商标也想注册', '商标注册申请'],
      ['开个小饭馆 环保要审批吗 食品经营许可证怎么办', '食品经营许可'],
      ['房产证改名字', '不动产转移登记'],
      // Changing the name on a meter is the 过户 item; installing one is not (装电表 is on the list).
      ['电表改名字去哪', '水电气热过户'],
      ['开超市要办啥证 食品经营许可证咋办', '食品经营许可'],
      ['计生关系迁出证明咋开', '计划生育关系迁入、迁出'],
      ['想学月嫂 考个证在哪报名', '申报职业技能鉴定'],
      ['俺爹七十了 进博物馆免票不 得办个啥证', '《山东省老年人优待证》办理'],
      ['买二手房除了契税 还要交啥钱', '不动产转移登记'],
      // 药店 inside 农药店 is no thing of its own: 农药店开业 is not 开药店 read object first.
      ['俺家农药店开业需要啥证', '农药经营许可'],
      ['开个兽药店要办啥证', '兽药经营许可审批'],
      // 开的 says which medicine (药店开的药): no 开药店 read object first.
      ['药店开的药吃了没用 咋投诉', '药品、医疗器械、化妆品投诉举报处理'],
    ]
    for (const [q, name] of inScope) expect(top(q), q).toBe(name)
    // A skills certificate (职业资格认证) is no pensioner's 待遇资格认证: still in the catalogue.
    expect(matcher.match('职业资格认证咋考')).not.toEqual([])
  })
})
