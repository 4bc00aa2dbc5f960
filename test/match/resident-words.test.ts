/**
 * Words residents really use for an item, and the kinds of question they turn up in: each case is phrased
 * differently from the eval sets, so it tests the kind of question, not one string.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Matcher } from '../../src/match/index.js'
import { realCatalog } from './real-catalog.js'

let matcher: Matcher
let top: (q: string) => string | undefined

beforeAll(async () => {
  ;({ matcher, top } = await realCatalog())
})

describe('resident vocabulary in item keywords', () => {
  it.each([
    // Trees by their species (槐树, 榆树, 柳树 …) and felling as 伐 (想伐, 伐掉), not only 砍.
    ['门口那棵大柳树想伐掉，用不用开证', '林木采伐许可证核发审批'],
    ['院墙边上两棵榆树要伐，得去批不', '林木采伐许可证核发审批'],
    ['地头的速生杨长成材了 想卖', '林木采伐许可证核发审批'],
    // Registering before the birth (生孩子前, 生娃之前) is 生育登记, not the newborn's 出生登记.
    ['生孩子之前得先去登记吗', '一孩、二孩生育登记及《服务手册》发放'],
    // Domestic-care trades (月嫂, 育儿嫂, 育婴员, 养老护理员) are certified by 职业技能鉴定.
    ['想干月嫂 证在哪考', '申报职业技能鉴定'],
    ['养老护理员证咋报名考', '申报职业技能鉴定'],
    // Marrying again (二婚, 再婚, 复婚): the divorce certificate is a detail of 结婚登记, not a service outside the catalogue.
    ['复婚的话要拿着离婚证去吗', '结婚登记'],
    ['再婚去民政局登记要带啥', '结婚登记'],
    // Lapsed medical insurance (医保断了, 还没交, 续上) is paying it again, not treatment elsewhere.
    ['俺爹的医保断了两年 咋接着交', '城乡居民基本医疗保险参保登记和缴费'],
    ['家里人的医保还没交 在手机上能弄不', '城乡居民基本医疗保险参保登记和缴费'],
    // 单位 and 个人 are 泛词, so the employer's social-security proof needs its own words (单位社保, 厂里社保).
    ['公司要开单位社保的证明 去哪打', '单位参保证明查询打印'],
    // Residents name the city they live or work in (北京, 深圳) where the catalogue says 外地.
    ['在北京儿子那住着 住院能报不 要办啥', '医保异地就医备案'],
    ['老两口去深圳跟闺女过 看病报销咋弄', '医保异地就医备案'],
    // A printing shop said by what it prints (印包装盒, 印纸箱, 印盒子): packaging printing is printing.
    ['俺家作坊印纸箱的，年报往哪交', '印刷企业年度报告'],
    ['印包装的小厂 一年一审去哪报', '印刷企业年度报告'],
    // 年纪大了 is 岁数大了, the story of who the thing is for: not read by sound as 年级 (a school question's word).
    ['俺爷年纪大了 家里那片杨树林想卖了 替他办证要啥', '林木采伐许可证核发审批'],
    // 发钱 asks when a benefit is paid, any benefit: neutral, not read by sound as 罚钱 (a library fine).
    ['地保批下来了 啥时候发钱', '最低生活保障申请'],
    // 现场 is how any item is done (到现场几次, 能现场拍不): a 泛词, no pull towards 田间现场鉴定 (whose 现场鉴定 still counts).
    ['扯证照片 能现场照不', '结婚登记'],
    ['苗出得不齐 想找人来地里现场鉴定一下', '农作物种子质量纠纷田间现场鉴定'],
    // The couple's photo (合影, 合照) is a material of 结婚登记 (guides: 2 寸半身免冠合影).
    ['扯证要交几张合照', '结婚登记'],
    // Leaves dropping after spraying (叶子全掉了, 掉叶子) is a 药害, as the seedlings dying is.
    ['桃园打了药，桃树叶子都掉了，找谁看看', '农药使用事故处理'],
    ['梨树打了杀菌剂以后掉叶子 能鉴定不', '农药使用事故处理'],
    // Without the spraying it is a question for the 农技站.
    ['苹果树叶子都掉了 咋回事', '农业技术推广'],
    // 番茄 and 洋柿子 are 西红柿: a greenhouse crop's trouble is a question for the 农技站.
    ['大棚里番茄烂果了 咋整', '农业技术推广'],
    ['番茄大棚长病了 请谁来看', '农业技术推广'],
    // Crops killed by a herbicide, said as the seedlings dying (苗都死了, 把苗烧了).
    ['麦田里喷了除草剂 麦苗都死了', '农药使用事故处理'],
    // Mushroom growing (蘑菇, 香菇, 食用菌) is agricultural technique.
    ['县里有教种香菇的不', '农业技术推广'],
    // Selling expired goods (卖过期) is a consumer complaint.
    ['小卖部卖过期饮料 能举报不', '投诉举报处理'],
    // The first child (头一个孩子, 第一胎) is registered before the birth.
    ['第一个孩子生之前要办啥', '一孩、二孩生育登记及《服务手册》发放'],
    // Whose 户口 a newborn follows (跟谁落, 随母落户) is the newborn's registration.
    ['孩子户口随母落户行不', '出生登记（新生儿落户）'],
    // A lost seal re-cut (补刻, 章弄丢), deafness or blindness told plainly (耳朵聋, 眼睛看不见).
    ['合作社的公章找不着了 能补刻吗', '印章管理'],
    ['俺娘眼睛看不见好几年了 能办个证不', '办理残疾人证'],
    // Forgetting to pay (忘交) is paying late, for whichever insurance is named.
    ['合作医疗忘交了 还能补不', '城乡居民基本医疗保险参保登记和缴费'],
    ['养老保险去年忘交了 能补交不', '城乡居民养老保险参保登记'],
    // Debts left after the insurance paid its share (欠一屁股债, 拉饥荒) are 医疗救助's.
    ['住院报完了还欠了好几万的债 政府还能帮点不', '医疗救助申请'],
    // Applying for 低保 is said 报低保 / 评低保, often after a long story of illness that names insurance words.
    ['老伴常年住院 家里没劳力 想报个低保', '最低生活保障申请'],
    // Using the card at the hospital (刷医保卡) where the resident lives elsewhere is treatment elsewhere, not card service.
    ['俺娘在天津闺女家 住院能刷医保卡不', '医保异地就医备案'],
    // So is asking whether the card can be used there (医保卡在那边能用吗, 用医保卡).
    ['俺爹去上海住了 医保卡在那边能用吗', '医保异地就医备案'],
    ['在北京看病 用医保卡能报不', '医保异地就医备案'],
    // Elderly residents' 老年保险 and 入保 for 养老保险 and 参保.
    ['俺四十五了 老年保险还能入保不', '城乡居民养老保险参保登记'],
    // Paying out of one's own pocket (自己掏, 自掏腰包) after the insurance, in a poor family.
    ['住院报完还自己掏了两万多 家里困难 有救助没', '医疗救助申请'],
    // Home-made food to sell (卖自己做的月饼, 做点馒头卖) is 卖吃食 / 做吃食, the food licence.
    ['在抖音上卖自家做的月饼 用办证不', '食品经营许可'],
    ['俺娘想蒸点馒头在集上卖 得办啥', '食品经营许可'],
    // A product with its brand to register is the trademark, not the food licence.
    ['自家做的咸菜想注册个商标', '商标注册申请'],
    // Starting primary school (上一年级, 读小学) away from the 户口 (不是本地户口, 户口不在这) is 随迁子女入学.
    ['户口不在这边 娃九月该读小学了 能在城里上吗', '随迁子女义务教育入学申请'],
    ['非本地户口的孩子上一年级要啥材料', '随迁子女义务教育入学申请'],
    // Whose 户口 a newborn follows said 随爹 / 随娘 / 随妈 (as well as 随父, 跟娘) is still the newborn's registration.
    ['刚生的娃随妈落户还是随爸落户', '出生登记（新生儿落户）'],
    ['小孩落户能随妈不', '出生登记（新生儿落户）'],
    // A married woman following her husband (随夫落户) is a move.
    ['结婚了户口随夫落户', '户口迁入登记'],
    // A neighbour's spray drifting over (药飘, 飘过来) and crops wilting (蔫了, 打蔫) are a pesticide accident.
    ['隔壁喷的除草剂飘过来了 俺家玉米都打蔫了', '农药使用事故处理'],
    ['邻居家打药 药飘到俺地里了 找谁', '农药使用事故处理'],
    // An old bachelor with nobody bound to keep him (一辈子没成家, 打了一辈子光棍) is what 特困 供养 is for.
    ['俺叔一辈子没成家 老了谁养', '特困人员救助供养申请'],
    ['村里有个老人一辈子没结婚 身边没人 政府管不管', '特困人员救助供养申请'],
    ['俺二叔打了一辈子光棍 七十多了 能进敬老院不', '特困人员救助供养申请'],
    // Stranded away from home (钱被偷, 没路费, 回不了家, 流浪) is an emergency for 临时救助.
    ['出门在外钱包被偷了 没路费回家 政府管吗', '临时救助申请'],
    ['在外地打工被骗了 没钱回家', '临时救助申请'],
    ['俺兄弟在济南流浪 回不了家 找谁', '临时救助申请'],
    // A stolen card is a lost one.
    ['身份证被偷了咋补', '居民身份证申领、换领、补领'],
    // Fake liquor bought (假酒) is a consumer complaint; pregnant with the second (怀二胎, 怀老二) is 生育登记.
    ['超市卖假酒 找谁', '投诉举报处理'],
    // A seller who will not answer for what he sold: 卖家不管, 商家推, 店家不认
    ['新买的洗衣机坏了 商家推来推去 咋办', '投诉举报处理'],
    ['网上买的鞋开胶了 卖家不认账', '投诉举报处理'],
    ['在集上买的电动车骑了一个月就坏了 店家不管', '投诉举报处理'],
    ['媳妇怀老二了 要去哪登记', '一孩、二孩生育登记及《服务手册》发放'],
    ['俺家媳妇怀头胎了 要先登记不', '一孩、二孩生育登记及《服务手册》发放'],
    // A street stall (摆地摊, 地摊) is a 个体户.
    ['在集上摆个地摊卖菜 要执照不', '个体工商户登记'],
    ['夜市摆地摊用办证吗', '个体工商户登记'],
    // 大证 is what residents call the 不动产权证书 (房产证): for a new flat it is the new-build registration.
    ['新买的楼房 大证啥时候能下来', '新建商品房不动产登记（交房即办证）'],
    ['开发商说交了房才能办大证', '新建商品房不动产登记（交房即办证）'],
    ['二手房买了 大证咋过户', '不动产转移登记'],
    // An age past 80 (过了八十, 满80, 八十岁以上) is the 高龄补贴, however the money is called.
    ['俺奶奶过了八十了 有啥钱能领', '经济困难老年人补贴给付'],
    // What the insurance leaves after it paid (报销完还不够, 报销以后) is 医疗救助's.
    ['看病报销完还不够 政府还能管点不', '医疗救助申请'],
    // Something sudden (突然, 遭了难) with no food left (揭不开锅) is an emergency, not the lasting poverty of 低保.
    ['突然出了事 家里揭不开锅了 政府能帮不', '临时救助申请'],
    // A newborn (刚生下来, 刚出生) is 新生儿: what is asked for it decides the item (上医保 is the insurance).
    ['刚生下来的孩子咋上医保', '城乡居民基本医疗保险参保登记和缴费'],
    // The employer's proof said with the personal proof's words (公司社保缴费证明) is still the employer's.
    ['公司社保缴费证明在哪打', '单位参保证明查询打印'],
    // Employees' schemes name the items that serve employees in their keywords (事业单位参保证明, 企业职工失业保险).
    ['事业单位要开单位参保证明', '单位参保证明查询打印'],
    ['企业职工被辞退了 失业金咋领', '失业保险金申领'],
    // A breakfast stall (早餐店, 卖油条) sells food: the food licence. 计生 alone is 计划生育关系.
    ['开早餐店卖油条 要办啥证', '食品经营许可'],
    ['计生那块关系咋转', '计划生育关系迁入、迁出'],
    // The second child said 老二 (生老二), and whether registering costs anything (收钱, 要钱): a detail.
    ['生老二要登记吗', '一孩、二孩生育登记及《服务手册》发放'],
    ['二胎登记要钱不', '一孩、二孩生育登记及《服务手册》发放'],
    // Paying through someone else (代交, 帮着交) from 外地 is paying, not treatment elsewhere.
    ['人在外地 家里的医保能让别人代交吗', '城乡居民基本医疗保险参保登记和缴费'],
    ['在外地打工 养老保险能让家里人代交不', '城乡居民养老保险参保登记'],
    // Whose 户口 a newborn is put on said as 落在妈 / 落到他爹那边 is the newborn's registration.
    ['孩子能落到他爹那边不', '出生登记（新生儿落户）'],
    // 低保 has a rural and an urban standard (农村低保, 城市低保): 农村 beside 低保 asks for its standard.
    ['低保每个月多少 农村和城镇一样吗', '最低生活保障申请'],
    // A lost business licence (执照丢了) is reissued where it was registered; a worn-out seal (章用坏了) is cut again.
    ['个体户的执照丢了能补吗', '个体工商户登记'],
    ['村委的章用坏了 想重新刻一个', '印章管理'],
    // A baby just born said 刚生的 alone is a newborn too; a poor family's old people (家庭困难的老人) are 高龄/困难老人补贴's.
    ['孙女刚生的，那个看病的医保咋给她交', '城乡居民基本医疗保险参保登记和缴费'],
    ['家庭困难的老人一个月补多少', '经济困难老年人补贴给付'],
    // Paying up the missing years at 60 (补齐, 补够) before drawing the pension is its 待遇登记 (1965 年底前出生的允许补缴).
    ['六十了 农保才交了六年 能一次补够了再领吗', '居民养老保险待遇登记及终止'],
    // A flat handed over to a child (过给) is a 过户; an old flat bought (旧楼) is a second-hand one.
    ['爹娘想把老家的楼房过给俺兄弟 得去哪', '不动产转移登记'],
    ['买了邻村人家的旧楼 合同签完了 房本咋弄', '不动产转移登记'],
    // Going to school here (在这上学) is the incomers' children's enrolment: a shop the parent runs is the story.
    ['俺在县城开了个小店也有执照 儿子户口在河南 能在这上学吗', '随迁子女义务教育入学申请'],
    // Land let out (流转) is said with 地 for 土地 (地流转, 地要流转) or 流转 alone.
    ['那几亩地想流转给合作社 合同咋签', '农村土地（不含草原、林地）承包经营以及有关合同管理和农村集体产权制度改革政策宣传咨询服务'],
    // Being too poor for treatment (没钱看病, 没钱治病) is 医疗救助, as 看不起病 is.
    ['俺爹住院了没钱治病 能帮帮不', '医疗救助申请'],
    // An old person's age with money to draw (八十岁领钱, as 六十岁领钱 is the pension's) is the 高龄 allowance.
    ['俺爹今年九十了 能领啥钱', '经济困难老年人补贴给付'],
    // A 居住证明 is a proof the village or town writes (开证明), not the police's 居住证.
    ['村里能给开个居住证明不', '印章管理'],
    // Too few years paid in (年头不够, 年限不够) before drawing the residents' pension: pay up at the 待遇登记.
    ['交的年头不够 到岁数了还能领不', '居民养老保险待遇登记及终止'],
    ['农保交的年头不够 还能补吗', '居民养老保险待遇登记及终止'],
    // Years of work too few for a skills exam are not the pension's years paid in.
    ['考技师工作年限不够能报名吗', '申报职业技能鉴定'],
    // 套 is a measure word typed inside a term as 个 is (刻一套章 is 刻章).
    ['刻一套章要多少钱', '印章管理'],
    // A shop that took prepaid money and closed (关门跑了, 卷钱跑了, 跑路) is a consumer complaint, as 办卡跑路 is.
    ['美容院卷钱跑了 找谁', '投诉举报处理'],
    ['健身房办的卡 老板跑路了 咋办', '投诉举报处理'],
    // 报名 after 直接 is signing up (能直接报名考吗), not 直接报销: 直接报 is no keyword of the 异地就医 filing.
    ['月嫂证能直接报名考吗', '申报职业技能鉴定'],
  ])('%s → %s', (q, name) => {
    expect(top(q)).toBe(name)
  })

  it('offers a 个体户 or a company for a 营业执照 said alone, a 个人独资企业 only when named', () => {
    for (const q of ['办个营业执照要带啥', '营业执照在哪办']) expect(['个体工商户登记', '公司设立登记'], q).toContain(top(q))
    expect(top('独资企业的营业执照咋办')).toBe('个人独资企业设立登记')
  })

  it('does not take a young man not married yet (还没成家) for an old bachelor, nor a mother with children for 特困', () => {
    expect(matcher.match('儿子三十了还没成家 有啥政策')).toEqual([])
    expect(top('俺娘瘫了没人照顾 有护理补贴不')).toBe('困难残疾人生活补贴和重度残疾人护理补贴申请')
  })

  it('leaves the card itself (lost, its password, a chemist’s) outside the catalogue, used or not', () => {
    for (const q of ['医保卡丢了能用吗', '医保卡密码忘了 还能用不', '医保卡在药店能刷不']) expect(matcher.match(q), q).toEqual([])
  })

  it('leaves a theft at home, a stolen phone and a stray dog outside the catalogue', () => {
    for (const q of ['手机被偷了咋补卡', '家里被偷了 报警吗', '村口有条流浪狗 谁管']) expect(matcher.match(q), q).toEqual([])
  })

  it('leaves the pension of an employees’ scheme (事业单位, 机关) outside the catalogue: 居民养老 is for residents without one', () => {
    for (const q of ['事业单位的养老金咋领', '机关退休的养老金找谁', '职工养老保险怎么交', '企业职工的养老金咋领']) expect(matcher.match(q), q).toEqual([])
  })

  it('still finds what employees ask besides their pension: 事业单位, 企业职工 only say where they work', () => {
    const cases: [string, string][] = [
      ['我在事业单位上班，孩子上户口要啥', '出生登记（新生儿落户）'],
      ['事业单位职工结婚登记要带啥', '结婚登记'],
      ['事业单位的人能领失业金吗', '失业保险金申领'],
      ['机关单位的能办老年证不', '《山东省老年人优待证》办理'],
      ['事业单位退休老人办老年证要啥', '《山东省老年人优待证》办理'],
    ]
    for (const [q, name] of cases) expect(matcher.match(q)[0]?.item.name, q).toBe(name)
  })

  it('leaves what is wrong on the 身份证 (名字, 信息) to the police station, not to the certificate correction item', () => {
    expect(matcher.match('身份证上信息不对 咋改')).toEqual([])
    expect(top('电工证上名字错了咋改')).toBe('更正职业资格证书信息申请')
  })

  it('leaves the bus company’s 公交卡 outside the catalogue, unlike the 优待证 it honours', () => {
    expect(matcher.match('老人办公交卡去哪')).toEqual([])
    // Said with 公交车 (公交车老年卡, 公交车卡) it is the same card.
    expect(matcher.match('俺爷七十多了 想办个公交车老年卡')).toEqual([])
    expect(top('老年证能坐公交车不')).toBe('《山东省老年人优待证》办理')
    expect(top('拿着老年优待证坐公交免费吗')).toBe('《山东省老年人优待证》办理')
  })

  it('leaves a bookshop’s licence (出版物经营许可) outside the catalogue, unlike a printer’s annual report', () => {
    expect(matcher.match('俺想在镇上开个小书店 得办啥证')).toEqual([])
    expect(matcher.match('报刊亭卖杂志要许可不')).toEqual([])
    expect(top('印包装盒的小厂年报咋报')).toBe('印刷企业年度报告')
  })

  it('leaves a maternity allowance (生育津贴) outside the catalogue, pregnant or not', () => {
    expect(matcher.match('怀二胎了 生育津贴咋领')).toEqual([])
  })

  it('leaves crops wilting in the heat, no spray, outside the catalogue', () => {
    expect(matcher.match('天太热 菜都蔫了 咋浇水')).toEqual([])
  })

  it('leaves a surname to change (随娘姓), no 落户, outside the catalogue', () => {
    for (const q of ['孩子想改成随娘姓 咋弄', '孩子随爹姓还是随娘姓 能改不']) expect(matcher.match(q), q).toEqual([])
  })

  it('leaves a 大证 lost, or pledged for a loan, outside the catalogue', () => {
    for (const q of ['大证丢了咋补', '拿大证去银行抵押贷款咋办']) expect(matcher.match(q), q).toEqual([])
  })

  it('offers the food licence for a supermarket (开超市), which sells food, beside the business licence', () => {
    const names = matcher.match('镇上开超市 要哪些证').slice(0, 2).map((r) => r.item.name)
    expect(names).toContain('食品经营许可')
    expect(names).toContain('个体工商户登记')
  })
})

describe('用不用 (用不用办证)', () => {
  it('is a way of asking, like 要不要: the item named before it is found', () => {
    for (const q of ['鸡苗用不用办证', '卖鸭苗用不用办许可证']) expect(top(q), q).toBe('种畜禽生产经营许可')
  })
})

describe('鉴定证 (职业技能鉴定证书, guides.md 第 8 项的群众说法)', () => {
  it('is a skills certificate: a mistake on it is the certificate correction', () => {
    expect(top('鉴定证名字写错了 咋改')).toBe('更正职业资格证书信息申请')
  })
})

describe('统一销售, 统一收购 (what a 农民专业合作社 does for its members)', () => {
  it('names the cooperative: farmers who want to sell together register one', () => {
    expect(top('几户种果树的想统一销售 要登记啥')).toBe('农民专业合作社登记')
  })
})

describe('交够15年, 交满15年 (the 15 years of contributions the resident pension asks for)', () => {
  it('is the resident pension’s payout registration', () => {
    expect(top('俺交够15年了 去哪登记领钱')).toBe('居民养老保险待遇登记及终止')
  })
})

describe('过来打工, 来这打工 (come here from elsewhere to work)', () => {
  it('is someone from elsewhere living here: the 居住证', () => {
    expect(top('俺们两口子从安徽过来打工 去派出所能办个啥证')).toBe('居住证办理')
  })
})

describe('crop diseases by name (霜霉病, 腐烂病, 白粉病 …)', () => {
  it('ask the agricultural technicians (农业技术推广)', () => {
    for (const q of ['黄瓜得了霜霉病 找谁看看', '苹果树腐烂病咋治']) expect(top(q), q).toBe('农业技术推广')
  })
})

describe('拿到 (几天能拿到)', () => {
  it('is a 泛词 every item is asked with: it does not put the company before the 个体户 named', () => {
    expect(top('个体户营业执照几天能拿到')).toBe('个体工商户登记')
  })
})
