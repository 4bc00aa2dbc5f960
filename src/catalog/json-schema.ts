/**
 * JSON Schemas for editors, generated from the zod schemas so they never drift: with the
 * `# yaml-language-server: $schema=…` first line, an admin's editor completes keys, lists allowed values and
 * shows what each field means while typing. `npm run catalog:schema` writes them; a test checks they are current.
 */
import { z } from 'zod'
import { ItemSchema, MatchWordsFileSchema, ServicePointsFileSchema, SynonymsFileSchema } from './schema.js'

const PLACE = '写 服务点（service-points.yaml 里的编号）或 层级（镇 / 村：居民所在的镇或村），二者写一个'

const ITEM_FIELDS: Record<string, string> = {
  事项编码: '事项编码，全目录唯一，如 371327-MZ-0038',
  事项名称: '事项的正式名称，全目录唯一',
  实施主体: '负责办理的部门，如 莒南县民政局',
  事项类型: '按办事指南填写：行政许可、行政给付等',
  办理层级: '可以在哪些层级办理或代办：县、镇、村',
  受理条件: '谁能办、要满足什么条件，一条一行',
  情形问题: '决定要哪些材料的提问；材料的 条件 写这里的编号',
  编号: '问题编号，材料的 条件.问题 写这个编号',
  提问: '问居民的话，一句说清',
  选项: '可选的回答，不写就是 是、否',
  申请材料: '要交的材料，一份一项',
  名称: '材料名称',
  形式: '原件、复印件、原件和复印件、电子、原件或电子',
  份数: '份数，不写就是 1',
  要求: '必须、可选，或 按情况（按情况时要写 条件）',
  条件: '什么情况下需要这份材料',
  问题: '情形问题的编号',
  答案: '回答是这个选项（或其中之一）时需要这份材料',
  缺少时: '没有这份材料时到哪里办、怎么补',
  办理流程: '办理步骤，一步一行',
  法定时限: '法律规定的办结时限：工作日天数（数字），自然日写 "60日"，当场办结写 "即办"，没有官方说法写 "以窗口为准"',
  承诺时限: '本县承诺的办结时限：工作日天数（数字），自然日写 "60日"，当场办结写 "即办"，没有官方说法写 "以窗口为准"',
  收费: '收费标准；不收费也要写 "不收费"',
  待遇标准: '能领多少：一行文字，或几行的列表（每行以 "- " 开头，最多 5 行）。居民问"能领多少""一个月给多少钱"时照着说，再说咨询电话；不写就说"按本县当年的标准发"',
  办理地点: PLACE,
  服务点: '服务点编号，见 service-points.yaml',
  层级: '镇 或 村：指居民所在的镇（街道）或村（社区）',
  窗口: '窗口名称',
  网上办理: '网上怎么办',
  网址: '网上办理的网址',
  到现场次数: '最多要跑现场几次',
  帮办代办: '能否帮办代办、用哪些方式',
  可代办: 'true 或 false',
  方式: '领办、帮办、代办、特办',
  可邮寄: '证件能否邮寄到家：true 或 false',
  咨询电话: '如 0539-7211234，请加引号',
  投诉电话: '如 12345，请加引号',
  设定依据: '法律法规和文件依据，一条一行',
  常见问法: '居民平常怎么问，至少 3 条；用来找到这个事项',
  关键词: '居民会说的词，如 低保、低保金',
  不适用: '这个事项不办的人，居民会怎么说自己，如 本地户口、户口在本村：问题里这样说（前面没有 不是、不、非、没），就不认定这个事项',
  来源: '整理时参考的网页或文件',
  说明: '补充说明',
  备注: '备注',
  解释: '居民问"这是啥""啥叫……"时说的话：用大白话说明这项材料或这个问题里的词',
  窗口提供: '窗口现场打印、现场填写或签字的材料写 true：不问居民准备了没有，告知单上单独列出',
}

const POINT_FIELDS: Record<string, string> = {
  样例数据: '还是样例数据时写 true，换成本县实际数据后删掉',
  服务点: '县政务服务中心、部门大厅、镇（街道）便民服务中心、村（社区）便民服务室',
  编号: '服务点编号，小写字母、数字和 -，事项的 办理地点 引用它',
  名称: '服务点名称',
  层级: '县、镇 或 村',
  上级: '上级服务点编号：镇级写县级中心，村级写所在镇的中心',
  地址: '地址',
  办公时间: '办公时间，节假日安排也写上',
  电话: '如 0539-7211234，请加引号',
}

const SYNONYM_FIELDS: Record<string, string> = {
  同义词: '居民的说法对应到目录里的标准词',
  标准词: '目录里用的词',
  说法: '居民的说法（俗称、方言、旧称、常见错写）；一个说法只能对应一个标准词',
}

const WORD_FIELDS: Record<string, string> = {
  虚词: '对找事项没有帮助的词（请问、我想、怎么办……），匹配前去掉',
  泛词: '很多事项都有的词（办理、申请、证……），保留但分量很轻',
  目录外: '本目录不办的事（驾驶证、电费……）：问题里有这些词，而事项没提到它们，就不轻易认定是这个事项',
  目录外动作: '居民要对证照、待遇做的、本目录大多不办的事（注销、报销、补偿……）：问题里有这些词，只有提到它的事项才会被认定',
  补办: '居民说要补某样证件、或说它丢了的字词（补、补领、丢、遗失……，可以是单字）：只认说了补办这样东西的事项；丢的只是某个事项的一样材料、问题里又有这个事项自己的词时照常认',
  形近字: '长得像、容易写混的字，每项一组写在一起（住往、己已巳）：问题照原样什么也找不到时，才把其中一个字当作同组的另一个字再找一遍（居往证就是居住证）',
  身份词: '居民说自己是谁时用的、只说谁在问的词（村干部、网格员、退伍军人）：在"我是……"单独的一段里，不算目录外，也不算问的事；说按哪种制度办的（公务员、事业单位、企业职工）别写进来',
}

const FILES = [
  { file: 'schema.json', schema: ItemSchema, title: '政务服务事项（catalog/items/*.yaml）', fields: ITEM_FIELDS },
  { file: 'schemas/service-points.schema.json', schema: ServicePointsFileSchema, title: '服务点清单', fields: POINT_FIELDS },
  { file: 'schemas/synonyms.schema.json', schema: SynonymsFileSchema, title: '同义词表', fields: SYNONYM_FIELDS },
  { file: 'schemas/match-words.schema.json', schema: MatchWordsFileSchema, title: '虚词、泛词和目录外词表', fields: WORD_FIELDS },
]

/** Every editor schema with its path relative to the catalogue root, as the text to write. */
export function catalogJsonSchemas(): { file: string; text: string }[] {
  return FILES.map(({ file, schema, title, fields }) => {
    // draft-07: the version every YAML editor plugin understands; nothing here needs a later one.
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>
    const withTitle = { $schema: json.$schema, title, ...json }
    return { file, text: `${JSON.stringify(tidy(withTitle, fields), null, 2)}\n` }
  })
}

/** Adds descriptions to properties and drops zod's "any safe integer" bounds, which only add noise in an editor. */
function tidy(node: unknown, fields: Record<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => tidy(n, fields))
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue
    out[key] = tidy(value, fields)
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined
  if (properties) {
    for (const [key, property] of Object.entries(properties)) {
      const description = fields[key]
      if (description !== undefined && property.description === undefined) properties[key] = { description, ...property }
    }
  }
  return out
}
