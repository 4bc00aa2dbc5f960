/**
 * The catalogue as admins write it: YAML with Chinese keys (they are the words on the national
 * 办事指南 template, so an error like `申请材料[2].份数` points at what the admin sees in the file).
 * Every object is strict so a misspelt key is an error instead of being silently dropped.
 */
import { z } from 'zod'

const text = (what: string) =>
  z.string({ error: `应为文字（${what}）` }).trim().min(1, { error: `不能为空（${what}）` })

const TIME_LIMIT_ERROR = '应为工作日天数（整数）、自然日天数（如"60日"）、"即办"或"以窗口为准"'

/**
 * Working days (a number), calendar days (`60日`, as the law says for 居民身份证), 即办 (handled on the spot), or
 * 以窗口为准 (no official figure found: residents are told to ask, with the item's phone).
 */
export const TimeLimitSchema = z.union([
  z.number({ error: TIME_LIMIT_ERROR }).int({ error: '应为整数个工作日' }).min(0).max(3650),
  z
    .string({ error: TIME_LIMIT_ERROR })
    .trim()
    .regex(/^(即办|以窗口为准|[1-9]\d{0,3}\s*日)$/, { error: TIME_LIMIT_ERROR }),
])

export const TierSchema = z.enum(['县', '镇', '村'], { error: '应为 县、镇、村 之一' })
export type Tier = z.infer<typeof TierSchema>

export const HelpKindSchema = z.enum(['领办', '帮办', '代办', '特办'], { error: '应为 领办、帮办、代办、特办 之一' })
export type HelpKind = z.infer<typeof HelpKindSchema>

const phone = z
  .string({ error: '应为电话号码文字' })
  .trim()
  .regex(/^(\d{3,4}-?\d{7,8}(-\d{1,5})?|1[3-9]\d{9}|\d{5,6})$/, {
    error: '电话格式不对，应为 0539-7211234、13812345678 或 12345 这样的号码',
  })

/** Longest line of a 待遇标准, and most lines: residents read it in a chat bubble (longer notes belong in 备注). */
export const STANDARD_LINE_MAX = 80
export const STANDARD_LINES_MAX = 5

const standardLine = (error: string) =>
  z
    .string({ error })
    .trim()
    .min(1, { error: '不能为空（待遇标准）' })
    .max(STANDARD_LINE_MAX, { error: `太长了：每行最多 ${STANDARD_LINE_MAX} 个字，别的说明写在 备注 里` })

/**
 * What the item pays out (低保: 城市 1114 元/月，农村 884 元/月), as residents are told it when they ask 能领多少: one
 * line, or a few. Plain text: it is said as written, then the item's 咨询电话.
 */
export const BenefitStandardSchema = z.union([
  standardLine('应为一行文字，或几行文字的列表（每行以 "- " 开头）'),
  z
    .array(standardLine('应为文字（待遇标准的一行）'))
    .min(1, { error: '至少写一行（待遇标准）' })
    .max(STANDARD_LINES_MAX, { error: `最多写 ${STANDARD_LINES_MAX} 行，别的说明写在 备注 里` }),
])

export const ConditionSchema = z.strictObject({
  问题: text('条件所依据的问题编号'),
  /** Applies (the material is needed, the question is asked) when the answer is this option (or one of these). */
  答案: z.union([text('答案'), z.array(text('答案')).min(1)]),
})

/** A yes/no or multiple-choice question that decides which conditional materials apply. */
export const QuestionSchema = z.strictObject({
  编号: z.string().regex(/^[\p{L}\p{N}_-]+$/u, { error: '编号只能用文字、数字、- 和 _' }),
  提问: text('提问'),
  /** The same question in plainer words, asked in 长者模式 (the checklist keeps 提问). */
  长者提问: text('长者模式的提问').optional(),
  /** What its words mean (划拨用地, 经济适用住房), said when a resident asks (啥叫划拨, 不懂) before the question again. */
  解释: text('解释').optional(),
  /** Defaults to 是 / 否. */
  选项: z.array(text('选项')).min(2, { error: '至少要有 2 个选项' }).optional(),
  /**
   * Option → words that, in the resident's question, already answer it (遗失补领: [丢了, 补办]): the walk then
   * does not ask (身份证丢了咋补办 is not asked whether it is a first application). Only one option may match.
   */
  说法: z.record(z.string(), z.array(text('说法')).min(1, { error: '至少写一个说法' })).optional(),
  /**
   * Asked only when an earlier question was answered so (委托他人 only when the insured person is alive to sign a
   * 委托书); otherwise it is not asked and the materials it decides are not needed.
   */
  条件: ConditionSchema.optional(),
  /**
   * The fee per answer, where the answer decides it (居民身份证: 补领 40 元, 换领 20 元): the checklist and 要钱不 then
   * say the one for the resident's case; before the question is answered, or for an option not listed, the
   * item's 收费. Only one question of an item may have it.
   */
  收费: z
    .record(z.string(), text('这种情况的收费'))
    .optional()
    .describe('按这个问题的回答说收费，如 遗失补领: 40 元；没回答时（或没写的选项）用事项的 收费。一个事项只有一个问题能写'),
})

export const MaterialSchema = z.strictObject({
  名称: text('材料名称'),
  形式: z.enum(['原件', '复印件', '原件和复印件', '电子', '原件或电子'], {
    error: '应为 原件、复印件、原件和复印件、电子、原件或电子 之一',
  }),
  份数: z.number({ error: '应为正整数' }).int({ error: '应为正整数' }).positive({ error: '应为正整数' }).default(1),
  /** What 份数 counts. Photos are 张: "3张" reads right where "原件3份" does not; any unit but 份 leaves out 形式. */
  单位: z.enum(['份', '张', '本', '套'], { error: '应为 份、张、本、套 之一' }).default('份'),
  要求: z.enum(['必须', '可选', '按情况'], { error: '应为 必须、可选、按情况 之一' }).default('必须'),
  条件: ConditionSchema.optional(),
  缺少时: text('缺少时到哪里办').optional(),
  备注: text('备注').optional(),
  /** What it is, in plain words, said when a resident asks (这是啥, 啥是权属证明); without it, 备注 and 缺少时 say what they can. */
  解释: text('解释').optional(),
  /**
   * The window provides it, or it is filled in / signed there (a 承诺书 printed at the window, a 声明书 filled at the
   * office, a 合同 signed at 过户): never asked in the walk, never missing; the checklist names it on a line of its own.
   */
  窗口提供: z.boolean({ error: '应为 true 或 false' }).optional(),
  /**
   * Not a thing to bring but what the resident must know in this case (续费不用带材料，在…交; 房前屋后的树不用办证):
   * never asked, never missing; the checklist shows 名称 as a 提示 line above the materials.
   */
  提示: z.boolean({ error: '应为 true 或 false' }).optional(),
  /**
   * On a 提示 with a 条件: this case ends the matter. 不符合条件: it cannot be applied for (not a 低保 or 特困 elder);
   * 不用办: it needs no application (trees by one's own house). The bot says the 提示 and the 咨询电话, and neither lists
   * materials nor offers 代办.
   */
  结论: z
    .enum(['不符合条件', '不用办'], { error: '应为 不符合条件、不用办 之一' })
    .optional()
    .describe('只用于写了 提示: true 和 条件 的材料：这种情况办不了（不符合条件）或不用办（不用办），机器人说这条提示和咨询电话，不列材料，也不提供代办'),
})

/** A fixed service point, or a tier meaning "the resident's own town centre / village room". */
export const PlaceSchema = z
  .strictObject({
    服务点: text('服务点编号（见 service-points.yaml）').optional(),
    层级: TierSchema.optional(),
    /**
     * What the checklist calls a 层级 place when not the tier's usual centre: 户籍所在地派出所 for the police's items
     * (a town's 派出所 is one of its service points, found when the resident names the town).
     */
    名称: text('名称').optional(),
    窗口: text('窗口').optional(),
    说明: text('说明').optional(),
  })
  .refine((p) => (p.服务点 === undefined) !== (p.层级 === undefined), {
    error: '办理地点要写 服务点（具体编号）或 层级（镇 / 村，指居民所在的镇或村），二者写一个',
  })
  .refine((p) => p.名称 === undefined || p.层级 !== undefined, {
    error: '名称 只用于写了 层级 的办理地点；写了 服务点 的，名称 在 service-points.yaml 里',
    path: ['名称'],
  })

export const ItemSchema = z.strictObject({
  事项编码: text('事项编码'),
  事项名称: text('事项名称'),
  实施主体: text('实施主体'),
  事项类型: z.enum(
    ['行政许可', '行政给付', '行政确认', '行政裁决', '其他行政权力', '公共服务', '便民服务'],
    { error: '应为 行政许可、行政给付、行政确认、行政裁决、其他行政权力、公共服务、便民服务 之一' },
  ),
  /** Tiers where it can be handled or proxied. */
  办理层级: z.array(TierSchema).min(1, { error: '至少写一个层级' }),
  受理条件: z.array(text('受理条件')).min(1, { error: '至少写一条受理条件' }),
  情形问题: z.array(QuestionSchema).default([]),
  申请材料: z.array(MaterialSchema).min(1, { error: '至少要有一项申请材料' }),
  办理流程: z.array(text('流程步骤')).min(1, { error: '至少写一个流程步骤' }),
  法定时限: TimeLimitSchema.optional(),
  承诺时限: TimeLimitSchema,
  收费: text('收费（不收费也要写"不收费"）'),
  /** What residents get (能领多少), said when they ask; without it they are told the county's yearly standard applies. */
  待遇标准: BenefitStandardSchema.optional(),
  办理地点: z.array(PlaceSchema).min(1, { error: '至少要有一个办理地点' }),
  网上办理: z.strictObject({ 网址: z.url({ error: '应为网址' }).optional(), 说明: text('网上办理说明') }).optional(),
  到现场次数: z.number({ error: '应为整数' }).int({ error: '应为整数' }).min(0).max(10),
  帮办代办: z.strictObject({
    可代办: z.boolean({ error: '应为 true 或 false' }),
    方式: z.array(HelpKindSchema).default([]),
    说明: text('说明').optional(),
  }),
  可邮寄: z.boolean({ error: '应为 true 或 false' }).default(false),
  咨询电话: phone,
  投诉电话: phone,
  设定依据: z.array(text('设定依据')).min(1, { error: '至少写一条设定依据' }),
  /** What residents actually say; feeds the matcher. */
  常见问法: z.array(text('常见问法')).min(3, { error: '至少写 3 条常见问法' }),
  关键词: z.array(text('关键词')).default([]),
  /** Who the item is not for, as residents say it of themselves (本地户口): a question saying so does not find it. */
  不适用: z.array(text('不适用')).default([]),
  来源: z.array(text('来源')).default([]),
  备注: text('备注').optional(),
})
export type ItemInput = z.input<typeof ItemSchema>
export type ItemFile = z.output<typeof ItemSchema>

export const ServicePointSchema = z.strictObject({
  编号: z.string().regex(/^[a-z0-9-]+$/, { error: '编号只能用小写字母、数字和 -' }),
  名称: text('名称'),
  层级: TierSchema,
  /** Parent point id: a town points at the county, a village at its town. */
  上级: z.string().optional(),
  地址: text('地址'),
  办公时间: text('办公时间'),
  电话: phone,
})
export const ServicePointsFileSchema = z.strictObject({
  样例数据: z.boolean().optional(),
  服务点: z.array(ServicePointSchema).min(1),
})

export const SynonymsFileSchema = z.strictObject({
  /** Colloquial or regional words, each mapped to the catalogue's own term. */
  同义词: z.array(z.strictObject({ 标准词: text('标准词'), 说法: z.array(text('说法')).min(1) })),
})

export const MatchWordsFileSchema = z.strictObject({
  /** Words that carry no meaning for matching (请问, 我想, 怎么办 …): removed before matching. */
  虚词: z.array(text('虚词')),
  /** Words in many items (办理, 申请, 证 …): kept but weigh little. */
  泛词: z.array(text('泛词')),
  /** Things this catalogue does not handle (驾驶证, 电费 …): an item that does not mention them is doubted. */
  目录外: z.array(text('目录外')).default([]),
  /** What residents ask to have done that most items do not do (注销, 报销, 补偿 …): only an item that mentions it can be meant. */
  目录外动作: z.array(text('目录外动作')).default([]),
  /**
   * Words by which residents ask for a thing to be reissued, or say it is lost (补, 补领, 丢, 遗失 …; single characters
   * too): only an item that says it reissues that thing can be meant, unless the lost thing is a material of an item
   * the question also names.
   */
  补办: z.array(z.string().regex(/^\p{Script=Han}+$/u, { error: '补办：每项应为汉字（可以是单字）' })).default([]),
  /** Single characters by which residents ask for something (办, 领, 补 …): the part of a long question with one is the request. */
  请求字: z.array(z.string().regex(/^\p{Script=Han}$/u, { error: '请求字：每项应为一个汉字' })).default([]),
  /**
   * Characters that look alike and are written for one another (住往, 己已巳), one group per entry: handwriting input
   * and poor eyesight slip between them (居往证 for 居住证). Read as the other only when the question finds nothing as typed.
   */
  形近字: z
    .array(
      z
        .string()
        .regex(/^\p{Script=Han}{2,}$/u, { error: '每项应为两个或更多长得像的汉字，写在一起（如 住往）' })
        .refine((s) => new Set(s).size === [...s].length, { error: '一项里的字不能重复' }),
    )
    .default([]),
  /**
   * Words by which residents say who they are when asking for others (我是村干部，…): in such a part of its own they
   * count neither for nor against an item. Not words saying which scheme applies (公务员: 机关事业单位养老).
   */
  身份词: z.array(z.string().regex(/^\p{Script=Han}{2,}$/u, { error: '身份词：每项应为两个或更多汉字' })).default([]),
})
