/**
 * Kinds of question the matcher must read by their form, not their words: each case is phrased differently from
 * the eval sets.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalog } from '../../src/catalog/types.js'
import { buildMatcher, decide, type Matcher } from '../../src/match/index.js'
import { realCatalog } from './real-catalog.js'

let catalog: Catalog
let matcher: Matcher
let top: (q: string) => string | undefined

beforeAll(async () => {
  ;({ catalog, matcher, top } = await realCatalog())
})

describe('a question that asks for nothing to be done', () => {
  it('is about the 目录外 thing it names, however heavy the item words beside it (what the resident already has)', () => {
    for (const q of ['有老年证 逛泰山要买门票不', '县图书馆最近招聘不', '残疾证 坐火车半价不', '老年证逛泰山免票找谁']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })

  it('still finds the item when the resident asks to have it done (办, 咋办, 要带啥, 啥手续)', () => {
    expect(top('想办个老年证 逛景区不要票那种')).toBe('《山东省老年人优待证》办理')
    expect(top('在图书馆借书要办证不')).toBe('图书借阅服务')
    expect(top('娘家户口想迁过来 孩子在上幼儿园 要啥手续')).toBe('户口迁入登记')
  })

  it('is the item when the item is named in a part of its own after a story with the 目录外 word', () => {
    expect(top('年底工地上欠了工资回不去家，临时救助有没有')).toBe('临时救助申请')
    // The 目录外 word in the last part is still the question.
    expect(matcher.match('公积金都是厂里给交吗 交的比例多少')).toEqual([])
  })

  it('depends on the 目录外 list: without the word, the item is found', () => {
    const without = buildMatcher({ ...catalog, words: { ...catalog.words, outside: [] } })
    expect(without.match('有老年证 逛泰山要买门票不')[0]?.item.name).toBe('《山东省老年人优待证》办理')
  })
})

describe('a part that only says the request verb again (想评个残，去哪评)', () => {
  it('leaves the request in the part before it: the item that explains that part is found', () => {
    expect(top('老伴腿脚不灵便了，想评个残去哪评')).toBe('办理残疾人证')
    expect(top('俺爹走路不利索了，想评残去哪评')).toBe('办理残疾人证')
  })
})

describe('asking whether one may have an item by its own word (能吃低保不, 可以办低保吗)', () => {
  it('is the request: an item that only explains the story before it (an old man in bed) comes second', () => {
    expect(top('俺娘卧床好几年了能吃低保不')).toBe('最低生活保障申请')
    expect(top('老两口都瘫在床上了可以办低保吗')).toBe('最低生活保障申请')
  })

  it('reaches over where it is asked (能在这里, 能在咱这): 外地户口 before it is the story', () => {
    expect(top('外地户口的 能在这里办低保吗')).toBe('最低生活保障申请')
    expect(top('俺对象是外地户口 能在这边领证不')).toBe('结婚登记')
  })

  it('is also a last part that is the item’s own word and how to get it (…，低保咋申请): an item borrowing 低保 comes second', () => {
    expect(top('俺外甥残疾十来年了有残疾证 一家子没啥收入 低保咋申请')).toBe('最低生活保障申请')
  })

  it('is not explained by a 泛词 in another item’s name (申请 in 能申请急难救助吗): that item answers only the story', () => {
    const results = matcher.match('在这边打工 孩子在这上小学 家里突然出了大事 外地人能申请急难救助不')
    expect(decide(results)).toMatchObject({ kind: 'sure', result: { item: { name: '临时救助申请' } } })
  })

  it('is not a status said before 能 (低保户能…): that is who asks', () => {
    expect(top('低保户住院花了不少 能再给报点不')).toBe('医疗救助申请')
  })
})

describe('what the resident asks past (除了医保报销)', () => {
  it('takes the 目录外动作 done to it along: 报销 asked past is no request for an item that does not reimburse', () => {
    expect(top('孩子做手术 除了合作医疗报销 政府还有别的补助不')).toBe('医疗救助申请')
  })
})

describe('a word typed inside a longer one (社保缴费证明 in 单位社保缴费证明)', () => {
  it('is the longer word’s: the item whose own word is only the piece reads part of what was typed', () => {
    expect(top('单位社保缴费证明盖章的那种去哪开')).toBe('单位参保证明查询打印')
    expect(top('社保缴费证明盖章的那种去哪开')).toBe('个人参保缴费证明查询打印')
  })
})

describe('transferring something to someone else (转让, 转给别人)', () => {
  it('is not registering or setting it up: a service of its own, outside the catalogue', () => {
    expect(matcher.match('商标转让要啥材料')).toEqual([])
    expect(matcher.match('公司股权转让咋办')).toEqual([])
  })

  it('is the item when the item does it: a house changes owner by 过户, contracted land by 流转', () => {
    expect(top('房子转让给外甥 要交啥税')).toBe('不动产转移登记')
    expect(top('承包的地想转给别人种 要签合同不')).toBe('农村土地（不含草原、林地）承包经营以及有关合同管理和农村集体产权制度改革政策宣传咨询服务')
  })
})

describe('complaints', () => {
  it('about government staff (办事员, 村干部) are not the consumer complaints 投诉举报处理 handles', () => {
    expect(matcher.match('镇上窗口的办事员甩脸子 去哪反映')).toEqual([])
    expect(matcher.match('村干部办事不公 想投诉')).toEqual([])
    expect(top('超市老板态度不好还多收钱 咋投诉')).toBe('投诉举报处理')
  })
})

describe('something the resident already has (有居住证, 拿着老年证)', () => {
  it('is a detail of the question, not the item asked for', () => {
    expect(top('有了居住证 娃能进公办学校不')).toBe('随迁子女义务教育入学申请')
    expect(top('俺有残疾证 能领啥补贴')).toBe('困难残疾人生活补贴和重度残疾人护理补贴申请')
  })

  it('may be held by the resident’s shop or works (店有, 厂有营业执照)', () => {
    expect(top('俺们厂有营业执照，职工孩子在这上学咋报名')).toBe('随迁子女义务教育入学申请')
    expect(top('我家店有营业执照，孩子跟着过来上学咋报名')).toBe('随迁子女义务教育入学申请')
  })

  it('is not a thing that exists (听说有个补贴) nor one lacking (没有居住证咋办)', () => {
    expect(top('听说有个高龄补贴 咋领')).toBe('经济困难老年人补贴给付')
    expect(top('没有居住证 想办一个')).toBe('居住证办理')
  })

  it('is held when said at the start of a phrase after 了 (腿断了好几年了有残疾证): a detail of the request after it', () => {
    expect(top('俺爹腿断了好几年了有残疾证 低保咋办')).toBe('最低生活保障申请')
  })

  it('is not what follows 带着 ending a longer word (捎带着卖点兽药: along with, nothing held)', () => {
    expect(top('俺开饲料店 想捎带着卖点兽药 得办啥证')).toBe('兽药经营许可审批')
  })
})

describe('whom the resident asks for (俺闺女, 给儿子)', () => {
  it('says nothing about which item: 闺女 in one item’s 常见问法 does not make a question about her that item’s', () => {
    expect(top('闺女二十了 想给她交个居民养老保险')).toBe('城乡居民养老保险参保登记')
    expect(top('儿子在外地上班 新农合今年交了没')).toBe('城乡居民基本医疗保险参保登记和缴费')
  })
})

describe('who the resident is, said in a part of its own (我是村干部，…)', () => {
  it('says nothing about the item: a 目录外 word there (村干部) is who asks, not what is asked for', () => {
    expect(top('我是村干部，俺村有个五保老人想去敬老院，咋申请')).toBe('特困人员救助供养申请')
    expect(top('我是村干部 村里王大爷过世了 他的养老金咋停')).toBe('居民养老保险待遇登记及终止')
    expect(top('俺是村干部，帮村里一个残疾人问问残疾证咋办')).toBe('办理残疾人证')
  })

  it('leaves who asks (身份词: 村干部, 网格员, 退伍军人) out of the question however short the rest is', () => {
    for (const q of ['我是村干部，想申请低保', '我是村干部，低保咋申请', '我是村干部，能吃低保不', '我是网格员，低保咋申请']) expect(top(q), q).toBe('最低生活保障申请')
    expect(top('我是村干部，残疾证咋办')).toBe('办理残疾人证')
    for (const q of ['我是村干部，想开个小卖部', '我是退伍军人，想开个小卖部', '俺是村干部，想开个小卖部']) expect(top(q), q).toBe('个体工商户登记')
  })

  it('leaves out a part saying who such a person is to the resident (村干部是俺表叔): a relation, not a complaint', () => {
    expect(top('想给俺娘办个残疾证 村干部是俺表叔 能快点批不')).toBe('办理残疾人证')
    expect(top('俺家想申请特困供养，村干部是俺本家，会不会有人说闲话')).toBe('特困人员救助供养申请')
  })

  it('still counts a word there that says which scheme applies: a civil servant’s pension is not the residents’ one', () => {
    for (const q of ['我是公务员，到60岁了养老金咋领', '我是公务员，能领养老金吗', '俺是公务员，养老金咋领']) expect(matcher.match(q), q).toEqual([])
    // Without the asker part, the residents' pension as before.
    expect(top('到60岁了养老金咋领')).toBe('居民养老保险待遇登记及终止')
  })

  it('leaves a complaint about village cadres, or a question about being one, outside the catalogue', () => {
    for (const q of ['村干部办事不公 想投诉', '我是村干部，被人投诉了咋办', '被人投诉了咋办', '我是村干部，工资多少', '俺想投诉村干部 他吃拿卡要']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })
})

describe('someone else applying for the resident (让俺儿替俺去办, 能让别人替着办吗)', () => {
  it('says who goes, not what is done: 替, 俺儿, 别人, 亲戚 and 家里人 leave the item its question', () => {
    expect(top('低保能让别人替着办吗')).toBe('最低生活保障申请')
    expect(top('俺娘腿脚不好 低保能让亲戚替她办不')).toBe('最低生活保障申请')
    expect(top('残疾证让俺儿替俺去领')).toBe('办理残疾人证')
    expect(top('老年证能让家里人替着去办不')).toBe('《山东省老年人优待证》办理')
  })

  it('reads 中不中 (Shandong for 行不行) as a filler: the item is as sure as without it', () => {
    for (const q of ['居住证', '失业金', '身份证让我儿替我去换']) {
      expect(matcher.match(`${q} 中不中`)[0], q).toEqual(matcher.match(q)[0])
    }
  })

  it('says who asks, not what: 帮 X 问问, a 网格员 or 村会计 asking, and 审核 (like 审批) is a step, not an item', () => {
    expect(top('俺是网格员 帮一户老人问问残疾证审核几天')).toBe('办理残疾人证')
    expect(top('帮邻居问问低保咋办')).toBe('最低生活保障申请')
    expect(top('网格员问下 特困审核下来了没')).toBe('特困人员救助供养申请')
  })

  it('leaves a service outside the catalogue outside', () => {
    for (const q of ['我是网格员 帮村里问问驾照咋考', '帮邻居问问二手车过户咋办', '让俺儿替俺去考驾照 中不中', '二手车能让别人替着过户不', '让亲戚替俺办个护照中不中', '中不中']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })
})

describe('how an application handed in is going (没信, 没动静, 查进度, 交上去俩月了)', () => {
  it('says nothing about which item: the item named is still found', () => {
    expect(top('残疾证交上去半个月了 还没动静 能查进度不')).toBe('办理残疾人证')
    expect(top('特困供养的材料交了 俩月了没信儿 找谁问')).toBe('特困人员救助供养申请')
    expect(top('俺家低保报上去两个月了，还木有信，能查进度不')).toBe('最低生活保障申请')
  })

  it('is no item by itself, nor for a parcel', () => {
    for (const q of ['查进度', '交上去俩月了还没信', '快递到哪了 能查进度不']) expect(matcher.match(q), q).toEqual([])
  })
})

describe('when a place is open (周一开不开门, 星期天开门不, 放暑假)', () => {
  it('says when, not what: the item is what is done there', () => {
    expect(top('县图书馆星期天开门不 想借本书')).toBe('图书借阅服务')
    expect(top('放寒假了 周三能去借书不')).toBe('图书借阅服务')
  })

  it('leaves a place outside the catalogue outside', () => {
    for (const q of ['银行周六开门吗', '医院星期天开不开门', '县博物馆星期一开门不']) expect(matcher.match(q), q).toEqual([])
  })
})

describe('something the resident asks past (除了营业执照还要啥证)', () => {
  it('is not the item asked for, even one whose keyword it is', () => {
    // 营业执照 is a keyword of 个体工商户登记: besides it, a barber shop needs its 卫生许可.
    expect(top('开个理发馆 除了营业执照还得办啥证')).toBe('公共场所卫生许可')
    expect(top('开浴池除了执照还要啥证')).toBe('公共场所卫生许可')
  })

  it('is one of the item’s materials when the question asks what else to bring', () => {
    expect(top('办低保除了户口本还要带啥')).toBe('最低生活保障申请')
    expect(top('给孩子报户口除了出生证还要带啥')).toBe('出生登记（新生儿落户）')
  })
})

describe('a thing said with what kind it is (A的B)', () => {
  it('is B when B is one item’s own word: A only says which', () => {
    // 收入低 and 家庭 are 低保's words, but the subsidy asked for is the 老年人补贴.
    expect(top('收入低的家庭的老年人补贴去哪报')).toBe('经济困难老年人补贴给付')
    expect(top('低保户的医疗救助咋申请')).toBe('医疗救助申请')
  })

  it('keeps A saying which when B is many items’ word (补贴, 照片)', () => {
    expect(top('困难老年人的补贴每月多少')).toBe('经济困难老年人补贴给付')
    expect(top('残疾证的照片要几寸')).toBe('办理残疾人证')
  })
})

describe('an employer opening social insurance for its staff (社保开户)', () => {
  it('is outside the catalogue, which only prints the employer’s certificate', () => {
    expect(matcher.match('厂里刚招了几个人 社保开户在哪办')).toEqual([])
    expect(top('公司投标要单位社保证明 咋打')).toBe('单位参保证明查询打印')
  })
})

describe('assistive devices for disabled people (免费轮椅, 辅具)', () => {
  it('are outside the catalogue: neither the disability card nor the two allowances', () => {
    expect(matcher.match('俺爹腿不行了 残联能给个免费轮椅不')).toEqual([])
    expect(top('残疾人轮椅补贴')).toBe('困难残疾人生活补贴和重度残疾人护理补贴申请')
  })
})

describe('how much a benefit rises or what share is paid (涨多少, 比例, 百分之几)', () => {
  it('is a policy figure, not a service in the catalogue', () => {
    for (const q of ['养老金明年能涨多少', '公积金每月缴存比例是多少', '在县医院住院 合作医疗报百分之几']) {
      expect(matcher.match(q), q).toEqual([])
    }
    expect(top('公积金提取要带啥')).toBe('住房公积金提取')
  })
})

describe('a procedure next to an item but not it (林权证 beside 林木采伐, 续展 beside 商标注册)', () => {
  it('is outside the catalogue when asked for itself', () => {
    for (const q of ['林权证去哪办 要带啥', '商标快满十年了咋续展']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })

  it('is a detail of the item when the question asks for the item (砍树 without 林权证)', () => {
    expect(top('院后的杨树想伐了 没有林权证能办采伐证不')).toBe('林木采伐许可证核发审批')
    expect(top('俺想注册个商标 要带啥')).toBe('商标注册申请')
  })
})

describe('correcting something written wrong (写错, 打错, 印错)', () => {
  it('is outside the catalogue for papers other than a vocational certificate', () => {
    for (const q of ['结婚证上名字写错了咋改', '户口簿上俺闺女的名字打错了 找谁改', '营业执照上地址印错了']) {
      expect(matcher.match(q), q).toEqual([])
    }
  })

  it('finds 更正职业资格证书信息申请 for a vocational certificate, by any of its names', () => {
    for (const q of ['厨师证上名字印错了', '育婴师证出生日期填错了咋办', '资格证书上身份证号打错了']) {
      expect(top(q), q).toBe('更正职业资格证书信息申请')
    }
  })
})

describe('a permit another office issues that an item needs (规划许可证 for 施工许可)', () => {
  it('is outside the catalogue when asked for', () => {
    for (const q of ['建设工程规划许可证咋申请', '盖厂房的规划许可证去哪办', '规划许可要啥材料']) expect(matcher.match(q), q).toEqual([])
  })

  it('is a material of the item when the resident asks whether it is needed beside the item’s own words', () => {
    expect(top('办开工证要带建设工程规划许可证不')).toBe('建筑工程施工许可证核发')
    expect(top('施工许可证需要规划许可证吗')).toBe('建筑工程施工许可证核发')
    expect(top('建厂房施工许可证 规划许可证还没批下来 能先办不')).toBe('建筑工程施工许可证核发')
  })
})

describe('outdoor advertising (户外广告, 广告牌) and a child bullied at school (欺负)', () => {
  it('are other offices’ matters, not printing or school admission', () => {
    for (const q of ['店门口立个广告牌要批不', '户外广告审批在哪办', '孩子在学校被同学欺负了 老师不管 咋办', '闺女在学校受欺负 找谁反映', '娃被同学欺负了 找教育局有用不']) {
      expect(matcher.match(q), q).toEqual([])
    }
    expect(top('广告印刷店一年一审去哪弄')).toBe('印刷企业年度报告')
    expect(top('外地孩子来县里上学 教育局要啥材料')).toBe('随迁子女义务教育入学申请')
  })
})

describe('a department named (民政局, 教育局, 医保局)', () => {
  it('says where to go, not what to do there', () => {
    for (const q of ['民政局几点上班', '医保局电话多少', '学校乱收费 找教育局']) expect(matcher.match(q), q).toEqual([])
    expect(top('去民政局登记结婚要带啥')).toBe('结婚登记')
    expect(top('医保局说合作医疗能在手机上交 咋交')).toBe('城乡居民基本医疗保险参保登记和缴费')
  })
})

describe('asking to have a mistake corrected (咋改过来, 去哪改)', () => {
  it('asks for something to be done: a 目录外 word in the story (找工作) is not the question', () => {
    expect(top('技能证书上名字印错了，单位招人说对不上，咋改过来')).toBe('更正职业资格证书信息申请')
    expect(top('俺的职业资格证书出生日期打错了，找工作人家不认，咋改过来')).toBe('更正职业资格证书信息申请')
    expect(top('房子过户了，电表名字咋改过来')).toBe('水电气热过户')
  })

  it('leaves a correction the catalogue does not make, or a job search, outside', () => {
    for (const q of ['身份证上名字打错了咋改', '户口本上生日写错了 咋改过来', '找工作找不着 咋办', '找工作的时候发现档案上名字错了咋改过来', '档案上名字错了咋改过来', '俺的档案丢了咋办'])
      expect(matcher.match(q), q).toEqual([])
  })
})

describe('services of other offices that share words with items (退伍 补助, 育儿补贴, 灵活就业 社保, 学籍, 漏水)', () => {
  it('are outside the catalogue', () => {
    for (const q of ['俺是退伍的 每个月有补助不', '国家的育儿补贴咋领', '灵活就业的社保一年交多少', '孩子的学籍证明丢了', '楼上漏水 物业不管 咋整']) {
      expect(matcher.match(q), q).toEqual([])
    }
    expect(top('怀了二胎 生育登记咋办')).toBe('一孩、二孩生育登记及《服务手册》发放')
  })
})

describe('a long story told before the question asked last', () => {
  it('is the item the question at the end asks for, not the one the story names first', () => {
    expect(top('闺女嫁过来户口落到俺村了，听说她的计生关系也得转过来，咋弄')).toBe('计划生育关系迁入、迁出')
    expect(top('开了个五金店，营业执照是个体的，去年年报漏了，现在异常了，想移出去找谁')).toBe('经营异常名录（状态）的列入、移出')
    expect(top('俺娘满六十了，城乡居民养老保险待遇咋领，要带啥，户口本在俺兄弟家')).toBe('居民养老保险待遇登记及终止')
  })

  it('still finds the item the story names when the question at the end names none', () => {
    expect(top('闺女嫁过来了，户口想迁到俺村，咋弄')).toBe('户口迁入登记')
    expect(top('俺家开了个小超市，营业执照还没办，要带啥')).toBe('个体工商户登记')
  })
})

describe('something to bring, or done already, beside another item’s own word (要带结婚证吗, 办了居住证)', () => {
  it('is a detail of the item the rest of the question names', () => {
    expect(top('准生证咋办 要带结婚证吗')).toBe('一孩、二孩生育登记及《服务手册》发放')
    expect(top('头胎登记收钱不，要带结婚证吗')).toBe('一孩、二孩生育登记及《服务手册》发放')
    expect(top('厂里让开单位参保证明，要盖公章不')).toBe('单位参保证明查询打印')
    expect(top('在这边办了居住证，怀二胎了能在这边登记吗')).toBe('一孩、二孩生育登记及《服务手册》发放')
    // A purchase done (买了) is the story too: the meters are what the resident wants moved to their name.
    expect(top('刚买了套二手房，水表电表的户名咋改')).toBe('水电气热过户')
  })

  it('is a procedure told done in a part ending in 了 (批下来了，) when the last part names another item', () => {
    expect(top('营业执照批下来了，公章上哪刻')).toBe('印章管理')
    expect(top('闺女户口落过来了，计生关系要转不')).toBe('计划生育关系迁入、迁出')
  })

  it('is not what befell the resident (身份证掉了), nor a procedure the question asks about no further', () => {
    expect(top('身份证掉了 人在外地能补不')).toBe('居民身份证申领、换领、补领')
    expect(top('户口迁过来了，咋弄')).toBe('户口迁入登记')
  })

  it('is also a thing named first and asked about last in a part of its own (…，户口本身份证都要吗, 要不要)', () => {
    expect(top('村里让去镇上盖个章，身份证户口本都要吗')).toBe('印章管理')
    expect(top('想开个证明盖章，户口本身份证要不要')).toBe('印章管理')
  })

  it('names its own item when nothing else does, and 我要 is a wish, not a thing to bring', () => {
    expect(top('要带结婚证不')).toBe('结婚登记')
    expect(top('我要举报超市卖过期面包')).toBe('投诉举报处理')
    expect(top('俺们公司要盖厂房 施工许可证咋办')).toBe('建筑工程施工许可证核发')
  })
})

describe('a prerequisite asked about (得先有规划许可证吗, 要先有)', () => {
  it('is a material of the item asked for, not a 目录外 thing that takes the question over', () => {
    expect(top('办施工许可证得先有规划许可证吗')).toBe('建筑工程施工许可证核发')
    expect(top('申请施工许可证要先有规划许可证不')).toBe('建筑工程施工许可证核发')
  })
})

describe('带 at the end of a longer word (顺带, 捎带)', () => {
  it('is no word for bringing: what is sold after it is the request, not something to bring', () => {
    expect(top('开农资店好多年了，想捎带卖点杀虫药，得办啥证')).toBe('农药经营许可')
    expect(top('俺在村头卖种子，想顺带卖点农药，要办证不')).toBe('农药经营许可')
  })
})

describe('the item named before its request verb (低保能给办不)', () => {
  it('is the request: the story told before it (a disability one has) does not take the question', () => {
    expect(top('俺是三级残疾有证，没有收入，低保能办不')).toBe('最低生活保障申请')
    // 低包 heard as 低保.
    expect(top('俺腿有残疾 家里就俺一个 低包能给办吗')).toBe('最低生活保障申请')
  })

  it('with the keyword’s own verb (医保能在手机上交吗: 交医保), is not an item that only shares the thing (医保)', () => {
    // Living elsewhere is the story; paying the premium is the request, not treatment elsewhere.
    expect(top('在外地住着 医保在手机上能交吗')).toBe('城乡居民基本医疗保险参保登记和缴费')
    const [first, second] = matcher.match('在南方打工回不去 老家医保能在微信上交不')
    expect(first?.item.name).toBe('城乡居民基本医疗保险参保登记和缴费')
    expect(second?.score ?? 0).toBeLessThan(0.5)
  })
})

describe('a part asking for an item with its verb over a measure word (办个居住证, 给他办个低保)', () => {
  it('is the request among parts of story, when no 了 says it is done', () => {
    expect(top('俺爹有病干不了活，给他办个低保，要啥材料')).toBe('最低生活保障申请')
    const [first, second] = matcher.match('办个居住证，房东不给合同，咋整')
    expect(first?.item.name).toBe('居住证办理')
    expect(first!.score - (second?.score ?? 0)).toBeGreaterThan(0.12)
  })

  it('is the story when 了 follows the verb (新开了个小店, then the request)', () => {
    expect(top('新开了个小店，要刻个公章上哪刻')).toBe('印章管理')
  })
})

describe('a paper said to have come out (执照刚下来, 营业执照下来了)', () => {
  it('is the story before the last part, even when that part is only the verb after a filler (公章去哪刻)', () => {
    expect(top('公司营业执照下来了 公章去哪刻')).toBe('印章管理')
    const [first, second] = matcher.match('个体执照刚下来，食品经营许可证咋办')
    expect(first?.item.name).toBe('食品经营许可')
    expect(second).toBeUndefined()
  })

  it('is the story before the last part that names something: parts after it only ask how (…，在哪办，多久能下来)', () => {
    const found = matcher.match('俺的个体执照年前批下来了，想在集上卖熟食，听说还得有个食品的证，这个上哪办，多长时间')
    expect(found.map((r) => r.item.name)).toEqual(['食品经营许可'])
  })
})

describe('a paper named after 带 (办证要带结婚证吗)', () => {
  it('is what is brought, not the object of the 办 before it: the item the request names is found', () => {
    expect(top('在开发商那买的楼 办证需要带结婚证不')).toBe('新建商品房不动产登记（交房即办证）')
  })

  it('still asks for the paper when nothing is brought (办结婚证要带啥)', () => {
    expect(top('办结婚证要带啥')).toBe('结婚登记')
  })
})

describe('a last part that names no item (…，去审批局还是卫健局)', () => {
  it('does not hide the item named before it: a paper come out earlier is still the story', () => {
    expect(top('在镇上开了个小宾馆 营业执照批下来了 就差卫生许可证 去审批局还是卫健局')).toBe('公共场所卫生许可')
  })
})

describe('a single 补 with its own object typed right after it (抽水补塘, 补田)', () => {
  it('is a verb of its own word, not a reissue of the word before it', () => {
    expect(top('天旱了从河里抽水补塘 要办证不')).toBe('取水许可')
    expect(top('想从河里抽水补田 要审批不')).toBe('取水许可')
  })

  it('still asks for a reissue with the thing after it or a measure word between (补个身份证)', () => {
    expect(top('想补个身份证 去哪')).toBe('居民身份证申领、换领、补领')
  })
})

describe('several 目录外 words in a question (城管 and 占道 beside 小饭店)', () => {
  it('weigh together against an item they outweigh only together', () => {
    expect(matcher.match('开了个小吃店 城管说门口占道了 咋申请')).toEqual([])
    expect(matcher.match('俺开了个小饭店，夏天想在门口摆几张桌子，城管说占道不行，能申请吗')).toEqual([])
  })

  it('do not when the item is named after them: the story told first (办了退休 有退休金了, then 居民养老)', () => {
    expect(top('俺大爷在厂里办了退休有退休金了 农村那个居民养老还在发 要不要去停')).toBe('居民养老保险待遇登记及终止')
  })
})

describe('who told the resident something (村干部说, 网格员让)', () => {
  it('is neither what is asked for nor against it', () => {
    expect(top('村干部说让俺先去办个残疾证 去哪办')).toBe('办理残疾人证')
  })

  it('still counts as a 目录外 word when the cadre is what the question is about (村干部贪了…)', () => {
    expect(matcher.match('村干部贪了修路的钱 去哪举报')).toEqual([])
  })
})

describe('a part that is only a 目录外 word, told before the part naming the item (社保局让我去税务局，…)', () => {
  it('is the story: the item named after it is the question', () => {
    expect(top('医保局让俺去税务局 俺就想打个社保缴费证明 在哪打')).toBe('个人参保缴费证明查询打印')
  })

  it('is still the question when it comes last (…，转学咋办) or says who the resident is (我是公务员，…)', () => {
    expect(matcher.match('孩子在县城上学，转学咋办')).toEqual([])
    expect(matcher.match('我是公务员，到60岁了养老金咋领')).toEqual([])
  })
})

describe('a last part saying who the residents are before 能 (…，俺们外地户口能办不)', () => {
  it('asks whether such people may have the item named before, not for the item of that word', () => {
    expect(top('在县城住了好几年了 听说有个老年优待证 俺们外地户口能办不')).toBe('《山东省老年人优待证》办理')
    expect(top('俺爹从河南过来跟俺住 听说有老年优待证 逛公园免票 他外地户口能办不')).toBe('《山东省老年人优待证》办理')
  })

  it('still asks for the item when the word is the whole request (…，居住证咋办)', () => {
    expect(top('孩子要上学，俺们外地户口，居住证咋办')).toBe('居住证办理')
  })
})

describe('a thing put before its verb with 把 (把证领了, 把章刻了)', () => {
  it('reads as the term the verb and the thing make, however short the thing', () => {
    expect(top('俺俩想先把证领了，要带户口本不')).toBe('结婚登记')
    expect(top('公司执照下来了 想把章刻了 在哪刻')).toBe('印章管理')
  })
})

describe('a word read across a longer word typed whole (办公 in 办公共场所卫生许可证)', () => {
  it('does not hide the 请求字 it takes: the resident still asks for the item', () => {
    expect(top('想办公共场所卫生许可证 员工要健康证吗')).toBe('公共场所卫生许可')
  })
})

describe('能 with the way home said before the item (能回老家这里上户口不)', () => {
  it('asks for the item: 回老家 says where, as 在咱这 does', () => {
    expect(top('孩子在济南生的 能回老家这里上户口不')).toBe('出生登记（新生儿落户）')
  })
})

describe('a verb with 的 after it before a thing (新开的公司, 交的社保)', () => {
  it('says which thing, not a request for the verb-first term (开公司, 交社保)', () => {
    expect(top('新开的公司要刻章 去哪刻')).toBe('印章管理')
    expect(top('新开的公司刻章收费不')).toBe('印章管理')
  })

  it('is still the clue when no other item’s own word is in the question (迁的户口还没落)', () => {
    expect(top('迁的户口还没落')).toBe('户口迁入登记')
  })
})

describe('a last part telling what is done already (…，俺爹残疾证早办了)', () => {
  it('is not where the question is: the 目录外 thing asked for before it is still outside', () => {
    for (const q of ['残疾人的轮椅能免费领吗 俺爹残疾证早办了', '残疾人的轮椅能免费领吗 俺爹残疾证早就办了']) expect(matcher.match(q), q).toEqual([])
  })

  it('leaves an item asked for before it found (护理补贴咋领 俺残疾证早办了)', () => {
    expect(top('护理补贴咋领 俺残疾证早办了')).toBe('困难残疾人生活补贴和重度残疾人护理补贴申请')
  })
})

describe('a 目录外 word the item needs, told as done already (规划许可证办完了)', () => {
  it('is a detail of the item named after it: 施工许可 is still found', () => {
    for (const q of ['规划许可证早办下来了 盖厂房的施工证咋办', '俺们的规划许可证办完了 施工许可证去哪办']) expect(top(q), q).toBe('建筑工程施工许可证核发')
  })

  it('is still outside asked for itself (规划许可证咋办)', () => {
    expect(matcher.match('规划许可证咋办')).toEqual([])
  })
})
