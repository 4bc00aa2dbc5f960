/**
 * The dialog files as admins write them (dialogs/*.yaml). Keys are short English words (each has a Chinese
 * label for error messages, see KEY_LABELS); everything a resident reads is a Chinese template.
 * Every object is strict so that a misspelt key is an error instead of being silently ignored.
 */
import { z } from 'zod'
import type { TicketReplyWords } from '../conversation/types.js'
import type { CompiledVocabulary } from './text.js'

const text = (what: string) => z.string({ error: `应为文字（${what}）` }).min(1, { error: `不能为空（${what}）` })
const words = (what: string) => z.array(text(what)).min(1, { error: `至少写一个${what}` })

/** A state's name: how options and other states refer to it. */
export const StateNameSchema = z
  .string({ error: '应为状态名（文字）' })
  .regex(/^[a-z][a-z0-9_]*$/, { error: '状态名只能用小写英文字母、数字和 _，并以字母开头' })

/** Facts the engine knows about the current item and resident; `!` negates. */
export const CONDITIONS = ['canProxy', 'canMail', 'offersSpecial', 'isSpecial', 'doorToDoor', 'hasItem', 'hasPhone', 'caseClosed'] as const
export type ConditionName = (typeof CONDITIONS)[number]
export const ConditionSchema = z
  .string({ error: '应为条件名' })
  .regex(new RegExp(`^!?(${CONDITIONS.join('|')})$`), { error: `条件应为 ${CONDITIONS.join('、')} 之一（前面加 ! 表示"不是"）` })

/** Built-in actions an option can trigger besides moving to another state. */
export const ACTIONS = ['clearItem', 'clearForm', 'openTicket', 'switchItem', 'resume', 'handoff', 'listAll'] as const
export type ActionName = (typeof ACTIONS)[number]

export const OptionSchema = z.strictObject({
  /** Shown after the number: `1 对`. */
  label: text('选项文字'),
  /** Other words that choose this option besides its number and its label. */
  words: z.array(text('说法')).optional(),
  /**
   * Words that, in the resident's first question (the one that found the item), already choose this option (瘫在床上
   * for 特办's 是): the step is not asked; the option is taken and said so (say.formPresumed), and 返回 asks it.
   * Read as the walk reads an item's 说法 (a 不 just before a word rules it out).
   */
  said: z.array(text('居民问题里的说法')).optional(),
  /**
   * What choosing it means, in a few words (出不了门 for 特办's 是), for say.formPresumed: 您说了腿脚不好，就按出不了门算.
   * Without it the step's question and the option's label are said.
   */
  means: text('按居民的话选了这一项时怎么说').optional(),
  /** The vocabulary's yes (or no) words choose this option. */
  answer: z.enum(['yes', 'no'], { error: 'answer 应为 yes 或 no' }).optional(),
  /** Only offered when this condition holds. */
  when: ConditionSchema.optional(),
  set: z
    .strictObject({
      special: z.boolean({ error: '应为 true 或 false' }).optional(),
      delivery: z.enum(['pickup', 'mail'], { error: 'delivery 应为 pickup（自取）或 mail（邮寄）' }).optional(),
    })
    .optional(),
  do: z.enum(ACTIONS, { error: `do 应为 ${ACTIONS.join('、')} 之一` }).optional(),
  /** The next state; may be left out only with `do: resume` (back to where the resident was). */
  go: StateNameSchema.optional(),
  /**
   * Said when the resident asks for this option (its label or words) while its `when` does not hold (代办 for an
   * item that cannot be done by an agent), then the step's question again: why not, rather than 没看明白.
   */
  unavailable: text('选项没列出时居民又要选它的说明').optional(),
  /** 长者模式's words for the option: its label (the standard one still chooses it) and its unavailable text. */
  elder: z
    .strictObject({
      label: text('长者模式的选项文字').optional(),
      unavailable: text('长者模式的选项没列出时的说明').optional(),
    })
    .optional(),
})
export type DialogOption = z.infer<typeof OptionSchema>

/** Free text in a state with `match` is a question for the matcher; the outcome picks the next state. */
export const MatchOutcomesSchema = z.strictObject({
  sure: StateNameSchema,
  /** Where a clear find goes (the matcher sure and far ahead): straight to the walk, with no 对吗. Default: sure. */
  clear: StateNameSchema.optional(),
  choose: StateNameSchema,
  none: StateNameSchema,
})

/** 长者模式's words for a state's texts; each replaces the text of the same name for a resident who chose it. */
const ElderStateTextsSchema = z.strictObject({
  prompt: text('长者模式的提示语').optional(),
  reprompt: text('长者模式的听不懂提示').optional(),
  invalid: text('长者模式的填错提示').optional(),
  villagePrompt: text('长者模式的选村提示语').optional(),
  choosePrompt: text('长者模式的同名村提示语').optional(),
  otherVillagePrompt: text('长者模式的问村名提示语').optional(),
  fixPrompt: text('长者模式的改一项时的提示语').optional(),
  otherVillage: text('长者模式的名单上没有的村').optional(),
})
export type ElderStateTexts = z.infer<typeof ElderStateTextsSchema>

const common = {
  /** Shown on entering the state (and again after 返回 or 帮助). */
  prompt: text('提示语'),
  elder: ElderStateTextsSchema.optional(),
  /** Short text for an answer the state does not expect; defaults to messages.reprompt. */
  reprompt: text('听不懂时的提示').optional(),
  /** Enter this state only when the condition holds; otherwise go straight to `else`. */
  when: ConditionSchema.optional(),
  else: StateNameSchema.optional(),
  /**
   * A step of the 代办 form: a mobile number typed here (alone or in a sentence, 电话换成139…) is the phone the
   * ticket records, replacing one given before; said back masked (say.phoneNoted), then the step again. At a
   * name or address step the rest of the line still answers it (张秀英 138…).
   */
  phone: z.boolean({ error: '应为 true 或 false' }).optional(),
}

const MenuStateSchema = z.strictObject({
  kind: z.literal('menu'),
  ...common,
  options: z.array(OptionSchema).default([]),
  match: MatchOutcomesSchema.optional(),
  /**
   * A reply naming a town (or village) gets the address, hours and phone of the current item's 镇 / 村-tier
   * places there (the checklist then invites it), instead of being read as a question.
   */
  places: z.boolean({ error: '应为 true 或 false' }).optional(),
  /**
   * A chooseItem state (with a `do: resume` option) offering the matcher's candidates when a reply here is a
   * question it is unsure about; a reply it finds nothing for is said not understood, then re-prompted with a
   * hint that questions are welcome. Without it such replies only re-prompt.
   */
  unsure: StateNameSchema.optional(),
  /**
   * Options keep their place in `options` as their number: one hidden now (its `when` does not hold) leaves its
   * number out of use rather than passing it to the next, so a number means the same step for every item (the
   * checklist's 申请代办, last, is 3 where it is offered and nothing else where it is not).
   */
  fixedNumbers: z.boolean({ error: '应为 true 或 false' }).optional(),
})

const ChooseItemStateSchema = z.strictObject({
  kind: z.literal('chooseItem'),
  ...common,
  /** Where to go once the resident picked one of the matcher's candidates. */
  go: StateNameSchema,
  /** Extra options after the candidates (e.g. 都不是). */
  options: z.array(OptionSchema).default([]),
  match: MatchOutcomesSchema.optional(),
})

const MaterialsStateSchema = z.strictObject({
  kind: z.literal('materials'),
  ...common,
  /** Where to go when every material and situation question is answered (or after 全部列出). */
  done: StateNameSchema,
  /**
   * Where to go when the resident says the item is not what they asked (不对, vocabulary wrongItem) before answering
   * anything, after a clear find that was not confirmed.
   */
  wrongItem: StateNameSchema.optional(),
  /**
   * As a menu's `unsure`: a question mid-walk the matcher finds two or three close items for (each of them a likely
   * find, not a weak guess), offered there with a way back to the walk.
   */
  unsure: StateNameSchema.optional(),
})

const InputStateSchema = z.strictObject({
  kind: z.literal('input'),
  ...common,
  field: z.enum(['name', 'phone', 'address'], { error: 'field 应为 name（姓名）、phone（手机号）、address（地址）之一' }),
  /** Said when the value does not look right, e.g. a phone number that is not 11 digits. */
  invalid: text('填错时的提示'),
  /**
   * Asked instead of `prompt` when the resident said at the 代办 summary that this field is wrong (名字写错了): the
   * one field again, not the form's opening words as if starting over.
   */
  fixPrompt: text('改一项时的提示语').optional(),
  go: StateNameSchema,
})

const AreaStateSchema = z.strictObject({
  kind: z.literal('area'),
  ...common,
  /** Asked after the town is known. */
  villagePrompt: text('选村（社区）的提示语'),
  /** Asked when the name typed is a village in more than one town (南岭村); the options are those villages. */
  choosePrompt: text('同名村（社区）选哪个的提示语').optional(),
  /**
   * The last option when villages are listed, for a village the service network does not list: the ticket then
   * goes to the town's centre. A village name typed that is not on the list is taken the same way.
   */
  otherVillage: text('名单上没有的村（社区）').optional(),
  /** Asked after otherVillage was picked: the village's name, for the ticket's note. */
  otherVillagePrompt: text('问名单上没有的村叫什么').optional(),
  invalid: text('找不到地方时的提示'),
  /** Asked instead of `prompt` when the resident said at the 代办 summary that where they live is wrong (村不对). */
  fixPrompt: text('改一项时的提示语').optional(),
  go: StateNameSchema,
})

const HelpStateSchema = z.strictObject({
  kind: z.literal('help'),
  ...common,
  go: StateNameSchema,
})

const KINDS = ['menu', 'chooseItem', 'materials', 'input', 'area', 'help'] as const

export const StateSchema = z.preprocess(
  // A state without `kind` is a menu: the simplest step an admin adds is a prompt with options.
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { kind: 'menu', ...v } : v),
  z.discriminatedUnion(
    'kind',
    [MenuStateSchema, ChooseItemStateSchema, MaterialsStateSchema, InputStateSchema, AreaStateSchema, HelpStateSchema],
    { error: `kind 应为 ${KINDS.join('、')} 之一` },
  ),
)
export type DialogState = z.infer<typeof StateSchema>
export type StateKind = DialogState['kind']

export const FlowFileSchema = z.strictObject({
  /** Where a new (or restarted) conversation begins; must take questions (`match`). */
  start: StateNameSchema,
  /** Where the resident is asked whether to switch when they ask about another item mid-flow. */
  switch: StateNameSchema,
  states: z.record(z.string(), StateSchema),
})
export type FlowFile = z.infer<typeof FlowFileSchema>

export const COMMANDS = ['handoff', 'restart', 'cancel', 'back', 'help', 'progress', 'listAll', 'elderOn', 'elderOff'] as const
export type CommandName = (typeof COMMANDS)[number]

/** What a question may ask about an item besides its materials, answered before the walk (messages.yaml answers). */
export const ASPECTS = ['conditions', 'limit', 'fee', 'amount', 'online', 'phone'] as const
export type Aspect = (typeof ASPECTS)[number]

/** vocabulary.yaml's ticketReplies as shipped, for a dialogs/ folder written before it existed. */
export const TICKET_REPLY_DEFAULTS: Readonly<TicketReplyWords> = Object.freeze({
  answerWords: ['有', '没', '材料', '证', '本', '是'],
  readyNow: ['好了', '齐了', '齐全了', '补上了', '拿到了', '开出来了', '找到了', '找着了'],
  skipComment: ['无', '没有', '没了', '不用', '不用了', '算了', '没有了', '没意见', '不说了'],
  commentLead: ['意见', '建议', '投诉'],
})

export const VocabularyFileSchema = z.strictObject({
  yes: words('"是"的说法'),
  no: words('"否"的说法'),
  /** Yes words that agree but do not say "I have it" (好的): not taken as 有 when a material is asked. */
  agreeOnly: z.array(text('只表示"好"的说法')).default([]),
  /** Trailing particles dropped before comparing (有的呢 → 有的). */
  particles: z.array(text('语气词')).default([]),
  /** Leading words dropped before comparing commands (我要转人工 → 转人工). */
  prefixes: z.array(text('开头的客气话')).default([]),
  greetings: z.array(text('问候语')).default([]),
  /** 我要办事: asks for help without saying what; answered like a greeting. */
  vague: z.array(text('只说要办事的说法')).default([]),
  thanks: z.array(text('道谢的说法')).default([]),
  /** 再见, 没事了: the resident is leaving; said goodbye to, not looked up as a question. */
  farewells: z.array(text('告别的说法')).default([]),
  /**
   * 不用了, 行了, 算了: said with thanks or a goodbye (好的谢谢 不用了, 行了 知道了), the resident is done; alone they
   * keep their own meaning (不用 is a 否, 算了 drops a 代办 form).
   */
  closings: z.array(text('说完了、不用了的说法')).default([]),
  /** At the 代办 form's phone step, the resident has no mobile of their own (没有手机, 用俺儿子的, 座机). */
  noMobile: z.array(text('没有手机的说法')).default([]),
  /** At a situation question of several options, the case is not settled yet (房子还没定, 还没租好): as 不知道. */
  notDecided: z.array(text('情况还没定的说法')).default([]),
  /** 确认, 知道了: a bare acknowledgement, where no option takes it, re-prompts instead of being read as a question. */
  acknowledgements: z.array(text('确认、知道了之类的说法')).default([]),
  /** 等一下, 俺问问俺儿: the resident needs a moment (to find a paper, to ask family); told to take their time. */
  waiting: z.array(text('让等一下的说法')).default([]),
  /** 不知道, 不清楚: asked whether a material is ready, the resident is not sure (counted as not ready yet). */
  unsure: z.array(text('"不知道、不确定"的说法')).default([]),
  /** 啥意思, 这是啥: while a material is asked, a short reply containing one asks what it is. */
  whatIsIt: z.array(text('问材料是什么的说法')).default([]),
  /** 去哪开, 在哪办: while a material is asked, a reply containing one asks where to get it. */
  whereToGet: z.array(text('问材料去哪开、去哪补的说法')).default([]),
  /** 在哪办, 去哪申请 said alone (or of the item): where to apply for the item, not where to get a material. */
  whereToApply: z.array(text('问这件事去哪办的说法')).default([]),
  /** 咋办, 怎么办: as whereToGet, but only in a reply that also says something is not there (房东不给租房合同咋办). */
  whatToDo: z.array(text('没有某样材料时问"咋办"的说法')).default([]),
  /** Words that make a reply at the name step a sentence, not a name (我是他闺女). */
  notName: z.array(text('不像姓名的说法')).default([]),
  /** Labels around a name and a phone typed on one line (姓名：张三 电话：138…): dropped to leave the name. */
  contactLabels: z.array(text('姓名、电话前面常带的字词')).default([]),
  /**
   * Said first at a material question and followed by other words (不是，我是给我爹办), they correct or explain
   * rather than say 没有: nothing is recorded and the question is asked again with a hint (walk.correction).
   */
  corrections: z.array(text('纠正、说明前先说的"不是"')).default([]),
  /**
   * Said alone at a material question (都有, 都准备好了): every material still to be asked that applies is there
   * (walk.allReady); questions that decide which are needed are still asked.
   */
  allReady: z.array(text('说剩下的材料都有了的说法')).default([]),
  /**
   * Words in a material's name that cover several people (夫妻双方, 家庭成员): 都有 said to it means each of them
   * has one, an answer to that material alone, not allReady.
   */
  severalPeople: z.array(text('材料名称里说好几个人的词')).default([]),
  /** Said alone before any answer after a clear find (不对, 不是这个): the item is not what the resident asked. */
  wrongItem: z.array(text('说事项找错了的说法')).default([]),
  /** 从头核对 in a walk: its answers dropped, asked again from the first question (see walk.resumed). */
  walkOver: z.array(text('从头核对的说法')).default([]),
  /**
   * Said alone before any answer after a clear find (对, 没错, 就是这个): the item is right, which answers nothing
   * of the question asked (walk.itemConfirmed, then the question again).
   */
  rightItem: z.array(text('说事项找对了的说法')).default([]),
  /**
   * In a short yes/no question naming one of the item's materials (要带户口本不, 户口本用带吗, 需要结婚证吗), they
   * ask whether it is needed: answered for the resident's case (walk.needed …), then the question again.
   */
  asksNeed: z.array(text('问要不要带某样材料的说法')).default([]),
  /** At a step of the 代办 form (phone: true), a wish to change the phone without the number (手机号错了, 改电话). */
  changePhone: z.array(text('要改手机号的说法')).default([]),
  /** At the 代办 town/village question, words naming a place outside the county (省, 市, 区, 北京): say only ours are served. */
  elsewhere: z.array(text('外地地名的说法')).default([]),
  /** At the 代办 summary (the step offering 重新填写), words saying something in the form is wrong (写错, 不对, 改). */
  formWrong: z.array(text('说申请哪里写错了的说法')).default([]),
  /** With a formWrong word, the words naming the field that is wrong (名字, 电话, 村, 地址): that field is asked again. */
  formFields: z
    .strictObject({
      name: z.array(text('姓名的说法')).default([]),
      phone: z.array(text('手机号的说法')).default([]),
      area: z.array(text('住在哪个镇、村的说法')).default([]),
      address: z.array(text('邮寄地址的说法')).default([]),
    })
    .default({ name: [], phone: [], area: [], address: [] }),
  /** Said of a material asked about, they mean it is not at hand (丢了, 找不到了): read as 没有. */
  missing: z.array(text('材料丢了、找不到的说法')).default([]),
  /** With the item's name or a 关键词, in a short walk reply: the item is done already (房子已经过户了). */
  alreadyDone: z.array(text('事项已经办完的说法')).default([]),
  /** In a walk reply, it asks for another matter (另外, 我还想办): words of the step asked do not keep it there. */
  anotherMatter: z.array(text('另外要办别的事的说法')).default([]),
  /** Said of a material, it is there after all (找着了, 又有了, 其实有): read as 有, and change an earlier 没有. */
  found: z.array(text('材料找着了、又有了的说法')).default([]),
  /** Said of a material, it is not there after all (其实没有, 又没了): read as 没有, and change an earlier 有. */
  notAfterAll: z.array(text('材料其实没有的说法')).default([]),
  /**
   * At a yes/no question naming one of `asked` (委托, 替您; 外省), a reply saying one of `said` (自己去, 自己办; 本地)
   * with no negation in it is the question's 否: 俺自己去 at 是不是委托别人替您申请？.
   */
  turnedRound: z
    .array(z.strictObject({ asked: z.array(text('问题里的词')).min(1), said: z.array(text('算"否"的说法')).min(1) }))
    .default([]),
  /** Said of a material, it is at hand or done (户口本在, 契税交了, 照片照好了): read as 有. */
  present: z.array(text('材料在、已经交了的说法')).default([]),
  /** Words in a question that ask about the time limit, the fee, … (多少天, 要不要钱): answered before the walk. */
  asks: z
    .strictObject({
      limit: z.array(text('问时限的说法')).default([]),
      fee: z.array(text('问收费的说法')).default([]),
      amount: z.array(text('问能领多少钱的说法')).default([]),
      conditions: z.array(text('问条件的说法')).default([]),
      phone: z.array(text('问电话的说法')).default([]),
      /** 手机上能办不, 网上能交吗: whether it can be done online. */
      online: z.array(text('问能不能网上办的说法')).default([]),
      /** Item types (事项类型) that pay something out: only these get the amount answer (not 残疾人证, a 行政确认). */
      amountItemTypes: z.array(text('发钱的事项类型')).default([]),
    })
    .default({ limit: [], fee: [], amount: [], conditions: [], phone: [], online: [], amountItemTypes: [] }),
  /** At the help-kind question, other words for a kind (上门, 到家里来 for 特办): said alone or inside a short reply. */
  helpKinds: z
    .strictObject({
      领办: z.array(text('领办的说法')).default([]),
      帮办: z.array(text('帮办的说法')).default([]),
      代办: z.array(text('代办的说法')).default([]),
      特办: z.array(text('特办的说法')).default([]),
    })
    .default({ 领办: [], 帮办: [], 代办: [], 特办: [] }),
  /** Words around a place name that still make the reply just the place (我是大店镇的, 大店镇在哪). */
  placeWords: z.array(text('地名前后常带的字词')).default([]),
  /**
   * Words the resident's replies about a 代办 ticket are read by (src/tickets/resident.ts). Added later: a folder
   * without them reads them as shipped (TICKET_REPLY_DEFAULTS).
   */
  ticketReplies: z
    .strictObject({
      answerWords: words('打分后是在回答材料的字'),
      readyNow: words('补齐了的说法'),
      skipComment: words('没有意见的说法'),
      commentLead: words('意见开头的词'),
    })
    .default(() => structuredClone(TICKET_REPLY_DEFAULTS) as TicketReplyWords),
  commands: z.strictObject({
    handoff: words('转人工的说法'),
    restart: words('重新开始的说法'),
    // Added later, like elderOn: older dialogs/ folders still load.
    cancel: z.array(text('不办了的说法')).default([]),
    back: words('返回的说法'),
    help: words('帮助的说法'),
    progress: words('查进度的说法'),
    listAll: words('全部列出的说法'),
    // Added after the first release: dialogs/ folders kept from before still load (without these words).
    elderOn: z.array(text('换成长者模式的说法')).default([]),
    elderOff: z.array(text('换回普通说法的说法')).default([]),
  }),
})
export type Vocabulary = z.infer<typeof VocabularyFileSchema>

const tiers = z.strictObject({ 县: text('县级名称'), 镇: text('镇级名称'), 村: text('村级名称') })

const sayMessages = z.strictObject({
  expired: text('会话过期'),
  nonText: text('非文字消息'),
  empty: text('空消息'),
  /** Only emoji, sticker codes or punctuation: something was sent, nothing we can read. */
  unreadable: text('只有表情或标点').default('没看懂您发的内容，请打字说说。'),
  /** A lone ？ or ??: the resident does not see what is asked; before the pending question again. */
  questionMark: text('只发了问号').default('我再说一遍刚才问的，照着回复就行；看不明白可以回复"人工"。'),
  tooLong: text('太长'),
  /** Too long while a question waits (a material, a name): before that question again. */
  tooLongPending: text('问着问题时说得太长').default('您说的有点长，先回答下面这个问题就行：'),
  reprompt: text('听不懂'),
  noSuchNumber: text('编号不存在'),
  /** Several different numbers where one would submit the 代办 application: one number, please ({options}). */
  oneNumber: text('只回复一个编号').default('请只回复一个编号。\n{options}'),
  greeting: text('问候回复'),
  thanks: text('道谢回复'),
  /** 谢谢 while a question waits (a material, a name): before that question again. */
  thanksPending: text('问着问题时的道谢回复').default('不客气！'),
  farewell: text('告别回复').default('好的，再见！以后有事随时来问我。'),
  /** The phone step, for a resident without a mobile: whose number will do, and who helps without one. */
  noMobile: text('没有手机时').default('没有手机的话，留家里人（儿女、亲戚）的手机号也行，工作人员打这个号码找您。都没有的，回复"人工"，或到村（社区）便民服务室找代办员。'),
  /** 不知道 at the 代办 form's town question: what else will do. */
  /** The 代办 form's town taken from earlier ({town.name}): before its village question, how to change it. */
  /** 要带啥 in the 代办 form: the checklist above has it, 全部列出 shows it again; before the question again. */
  /** 还是代办吧 right after 不办了 in the 代办 form: taken up again where it stopped ({item.name}); its step follows. */
  proxyResumed: text('不办了以后又要代办').default('好的，接着帮您申请代办"{item.name}"。'),
  materialsAbove: text('表单中问要带啥').default('要带的材料在上面的清单里。想再看一遍，回复"全部列出"。'),
  /** The item at hand asked about again (低保怎么申请 at the 低保 checklist or walk): it is this one, then the step again. */
  sameItem: text('核对材料时又问了这件事').default('您问的就是"{item.name}"，我们接着核对要带的材料。'),
  sameItemListed: text('告知单后又问了这件事').default('您问的就是"{item.name}"，要带什么、去哪办都在上面的告知单里。想再看一遍，回复"全部列出"。'),
  /** 等一下, 俺问问俺儿 while a question waits: no hurry; before the question again. */
  waiting: text('让等一下').default('好的，不着急。找好了、问清楚了，再回复我就行。'),
  /**
   * A step of the 代办 form the first question answered: {said} the resident's words that did (腿脚不好), {means} what
   * the option taken means (its `means`; else the step's question and the option's label).
   */
  formPresumed: text('按居民的问题定下的代办申请一项').default('您说了"{said}"，就按{means}算。不对的话，回复"返回"重新选。'),
  townRemembered: text('用前面说过的镇').default('您前面说的是{town.name}，就按{town.name}填。不是的话，直接打镇（街道）的名字。'),
  /**
   * The 代办 form: a village typed that the chosen town ({town.name}) does not list but other towns do
   * ({village.name}): which one, before those towns' villages and villageStay as numbered options.
   */
  villageElsewhere: text('打的村不在选的镇').default('{town.name}的村（社区）名单上没有{village.name}，别的镇（街道）有。是哪一个？'),
  /** The last option after villageElsewhere: the chosen town after all, the village as one not on its list. */
  villageStay: text('就是选的镇').default('就是{town.name}的{village.name}（名单上没有）'),
  /**
   * {closed} in a state's prompt: the resident's case cannot be applied for (a 提示 with 结论: 不符合条件; its
   * {material.name}, {material.note}), or needs no application (结论: 不用办). No materials, no 代办.
   */
  closedNotEligible: text('这种情况办不了').default('★ {material.name}\n{material.note}\n按您说的情况，"{item.name}"申请不了，不用准备材料。拿不准的，打咨询电话 {item.consultPhone} 问问。'),
  closedNotNeeded: text('这种情况不用办').default('★ {material.name}\n{material.note}\n按您说的情况，不用申请"{item.name}"，也不用准备材料。拿不准的，打咨询电话 {item.consultPhone} 问问。'),
  /** 代办, 帮我办 once the case is closed (closedNotEligible, closedNotNeeded): nothing to do for them. */
  closedNoProxy: text('这种情况不用代办').default('按您说的情况，没有要办的，也就不用代办。'),
  /** 不知道 at a town's villages: the ticket goes to the town's centre, and the agent asks. */
  villageUnknown: text('不知道是哪个村').default('好的，村名先空着，交给镇（街道）便民服务中心，工作人员会打电话问清楚住在哪。'),
  /** A village named at the town question that no list has ({village.name}): its town is asked, the village kept. */
  villageWhichTown: text('名单上没有的村是哪个镇的').default('{village.name}是哪个镇（街道）的？名单上没有这个村，回复镇（街道）的编号就行；不知道的，回复"人工"。'),
  /** 其他, 上面没有 at the 代办 form's towns: every town of the county is listed; the town asked once more, 人工 offered. */
  townOther: text('镇的名单上没有').default('上面是本县全部的镇（街道）。村不在名单上也能办，请回复所在镇（街道）的编号；不知道是哪个镇的，回复"人工"，工作人员帮您查。'),
  /** 不知道 asked villageWhichTown: the village kept, 人工 offered, the town asked again. */
  villageTownUnsure: text('不知道名单上没有的村是哪个镇的')
    .default('不知道{village.name}是哪个镇（街道）的，可以回复"人工"，工作人员帮您查。知道的话，回复镇（街道）的编号。'),
  /** 本人, 俺自己 at the 代办 form's name step: no name; whose to type. */
  nameSelf: text('申请人姓名写了本人').default('给自己办的，请打您自己的名字，比如：张三'),
  /** 俺是给俺娘办的 at the name step ({who}: 您娘, 老人): that person's name, asked kindly. */
  nameOfWhom: text('只说了给谁办').default('好的，给{who}办。请告诉我{who}的名字，比如：张三'),
  /** 代办收费吗, 找人帮我办要给钱不, anywhere: 帮办代办 itself is free; proxyFreeItemFee follows when an item is at hand. */
  proxyFree: text('问代办收不收费').default('帮办代办是免费的，工作人员不收您的钱。只有办事本身按规定要交的费用，才需要交。'),
  /** 不用, 不是 at 您是想问"X"吗？ (the offer to switch): the item kept, said so, before its question again. */
  switchDeclined: text('不改问别的事，接着刚才的').default('好的，不改了，接着办"{item.name}"。'),
  /** The first question asked for 代办 (帮俺代办残疾证): said before the walk's first question. */
  proxyWishedWalk: text('第一句就说要代办，先核对材料').default('您要代办：先核对一下材料，核对完就帮您申请代办。'),
  /** The same, after the checklist: the 代办 option's {number}. */
  proxyWishedChecklist: text('第一句就说要代办，告知单后').default('您说过要代办，回复 {number} 就开始填代办申请。'),
  /** After proxyFree asked with no item at hand (代办收费吗 as the first message): what to say next. */
  proxyFreeNext: text('问代办收费时还没说要办什么').default('想找人帮您办，请说说要办什么事，比如：残疾证代办'),
  /** After proxyFree, the item's own fee ({item.fee}). */
  proxyFreeItemFee: text('问代办收费时说事项本身的收费').default('办"{item.name}"本身：{item.fee}'),
  /** 王大爷, 李老师 at the name step ({said}): how the person is called; the full name is asked for the 委托书. */
  /** An ID number typed at the name step: not asked for here (the agent checks the card in person), not kept. */
  idNumberNotAsked: text('姓名那一步打了身份证号').default('身份证号这里不用填，也不会记下，代办员办事时会当面核对。'),
  nameFull: text('申请人姓名只写了称呼').default('代办要写委托书，要用身份证上的全名。"{said}"的全名叫什么？比如：王秀兰'),
  /** 本村 at the name step ({said}): a place, not a name. */
  namePlace: text('申请人姓名写了地方').default('"{said}"是地方，不是名字。请打申请人的姓名，比如：张三'),
  /** 本村, 这个村, 俺村 where a village's name is asked: pointed at, not named; the name is asked again. */
  villageDescribed: text('说村子是什么样的，没说村名').default('请说一下村（社区）的名字，比如"小官庄村"。'),
  villagePointed: text('只说本村、这个村').default('"本村""这个村"工作人员不知道是哪个村，请打村（社区）的名字。'),
  townUnsure: text('不知道是哪个镇').default('不知道是哪个镇（街道）的话，直接打村（社区）的名字也行，比如"大店一村"。还不知道的，回复"人工"。'),
  /** 不知道 at 对吗 (the item found for the question): how to find out. */
  summaryUnclear: text('核对代办申请时回"不要""不用"').default('代办申请还没有提交。您看怎么办？\n{options}'),
  confirmUnsure: text('不知道是不是要办的事').default('拿不准的话，先回复"对"，看看要带什么、怎么办；看了不是这件事，回复"重新开始"换个说法问。'),
  help: text('帮助'),
  handoff: text('转人工'),
  handoffResume: text('转人工后接着问'),
  restart: text('重新开始'),
  cancel: text('不办了').default('好的，这件事先不办了。以后想办，随时来问我。'),
  /** 不办了 before anything was asked (a new conversation, or after 重新开始): nothing to stop, and what to do instead. */
  cancelNothing: text('什么都没办时说不办了').default('好的。您现在没有在办的事，也没有要取消的代办申请。有别的事，请直接告诉我要办什么，比如：低保怎么申请'),
  /** After cancel, when something was under way: 返回 brings it back. */
  cancelUndo: text('不办了以后怎么撤回').default('说错了的话，回复"返回"。'),
  backNone: text('无法返回'),
  progress: text('进度'),
  progressNone: text('无进度'),
  /** 我的进度 at a case that cannot, or need not, be applied for (closedNotEligible, closedNotNeeded): no materials to count. */
  progressClosed: text('进度：这种情况没有要办的').default('您问的是：{item.name}\n★ {material.name}\n按您说的情况，没有要办的，也不用准备材料。'),
  listAllNoItem: text('未选事项时全部列出'),
  itemGone: text('事项已下线'),
  materialsChanged: text('核对材料时材料有更新'),
  ticketRecorded: text('代办申请已记录'),
  ticketsUnavailable: text('进度查询未开通'),
  effectFailed: text('系统出错'),
  notUnderstood: text('没看明白'),
  askOther: text('再问一遍并提示可以问别的事'),
  /** A mobile number typed at a step marked `phone: true`: recorded for the ticket and said back masked. */
  phoneNoted: text('记下代办手机号').default('好的，手机号记下了：{form.phoneMasked}'),
  /** 11 digits at the phone step with a prefix no mobile has (12…, 10…): not a mobile, and what one looks like. */
  phoneNotMobile: text('号码不像手机号').default('这个号码不像手机号：手机号是 13、15、18 等开头的 11 位数字，比如 13812345678。请再看看，再输一次：'),
  /** A landline at the phone step: a mobile asked for; the landline again is taken (see landlineTaken). */
  phoneLandline: text('打了座机号').default('这是座机号。工作人员要打电话，有时还发短信，最好留个手机号（家里人的也行）。没有手机的话，再打一遍这个座机号，就按座机联系您。'),
  /** The landline taken as the contact phone ({form.phone}). */
  landlineTaken: text('记下座机号').default('好的，没有手机，就按座机号 {form.phone} 联系您。'),
  /** Digits one or two off eleven at the phone step ({count}: how many were typed). */
  phoneLength: text('手机号位数不对').default('您打了 {count} 位数字，手机号是 11 位，比如 13812345678。请再看看，再输一次：'),
  /** 手机号错了 at such a step, without a number: how to change it. */
  phoneChange: text('怎么改代办手机号').default('要换手机号，直接打新的号码就行，比如 13812345678'),
  /** At the 代办 town/village question, a place outside the county (临沂市兰山区, 北京): only the county's towns are served. */
  outsideCounty: text('代办地址不在本县').default('这里只能为本县的镇（街道）、村（社区）申请代办。不住本县的，请回复"人工"，或打 12345 政务服务便民热线。'),
  ticketNoteSpecial: text('工单备注：行动不便'),
  ticketNoteUnchecked: text('工单备注：未核对材料'),
  // Entries added after the first release default to the shipped text, so older dialogs/ folders still load.
  ticketNoteUnlistedVillage: text('工单备注：村不在名单上').default('居民所在村（社区）不在{town}的名单上：{village}'),
  villageUnnamed: text('工单备注：没说村名').default('村名没说'),
  elderOn: text('换成长者模式').default('好的，换成长者模式，话说得简单些。想换回来，回复"普通模式"。'),
  elderOff: text('换回普通说法').default('好的，换回普通说法。'),
  stuck: text('连着几次没看明白').default(
    '抱歉，我还是没看明白。您可以：\n· 回复"人工"，请工作人员帮您\n· 打{centre.name}电话 {centre.phone}\n· 打 12345 政务服务便民热线\n想再看一遍刚才的问题，回复"帮助"。',
  ),
})

const walkMessages = z.strictObject({
  material: text('询问材料'),
  ready: text('有'),
  missing: text('没有'),
  question: text('询问情形'),
  needs: text('情形所需材料'),
  whereToGet: text('材料去哪开'),
  /** 在哪办 in the middle of the walk or the form: the item's places, then the question again. */
  places: text('这件事去哪办').default('办"{item.name}"的地方：'),
  whatIsIt: text('材料是什么'),
  /** 流程是啥, 办理步骤 mid-walk or after the checklist: the item's steps ({item.steps}, numbered), then the question again. */
  stepsAsked: text('问办理步骤').default('办"{item.name}"的步骤：\n{item.steps}'),
  /**
   * Put before such an answer given at the offer to switch (您是想问"办理残疾人证"吗？ 流程是啥) where the answer does
   * not name the item itself (到现场：最多跑 2 次): which item it is about ({item.name}: the one on offer).
   */
  aboutOffered: text('换事项前问的是那一件').default('说的是"{item.name}"：'),
  /** The same, for an item without 办理流程. */
  stepsNone: text('问办理步骤、事项没写步骤').default('办"{item.name}"的具体步骤，打电话问 {item.consultPhone}'),
  /** 要跑几趟: the item's 到现场次数 ({item.visits}: 最多跑 N 次, or 不用去现场). */
  visitsAsked: text('问要跑几趟').default('到现场：{item.visits}'),
  /** 不要, 不用 at a material question: recorded as 没有, said so (it may have meant "not needed"). */
  refusedMissing: text('问材料时回不要、不用').default('{material.name}先记作没有，清单上会写去哪补、什么情况要带。记错了回复"返回"。'),
  /** A question mid-walk that finds nothing (二手摩托车咋过户): not handled here ({asked}), 12345 and 人工; then the question again. */
  outOfCatalogue: text('核对时问了查不到的事').default('"{asked}"这里办不了，没找到相关的事项。可以打 12345 政务服务便民热线问，或回复"人工"找工作人员。\n接着刚才的：'),
  /** A situation question's 解释, asked for (啥叫划拨, 不懂): then the question again. */
  explain: text('情形问题的解释').default('{question.explain}'),
  /** The same, for a question without 解释. */
  explainNone: text('情形问题没有解释时').default('这个拿不准的话，可以回"不知道"，清单上会写明什么情况要带什么，到窗口问清楚。也可以打电话问 {item.consultPhone}'),
  /**
   * The same, for a question without 解释 whose answers bring in materials: what each answer needs ({cases}: one
   * explainCase per such answer, joined with ；), which tells what the question is after (务工证明是啥).
   */
  explainCases: text('情形问题没有解释、按选项说要带什么').default('{cases}。拿不准可以回"不知道"。'),
  /** One answer in explainCases' {cases}. */
  explainCase: text('一个选项要带的材料').default('选"{option}"的，要带{materials}'),
  unsureSituation: text('不确定情形'),
  /** 不是异地 at a question of three options or more: which of the others, then the question again. */
  notThat: text('否定了一个选项、还有几个可选').default('不是"{option}"的话，是哪一种？'),
  /** 要带户口本不 during the walk: whether that material is needed in the resident's case, then the question again. */
  needed: text('问到的材料要带').default('{material.name}：要带（{material.amount}）。'),
  notNeeded: text('问到的材料不用带').default('{material.name}：按您说的情况，不用带。'),
  neededIf: text('问到的材料看情况').default('{material.name}：看情况。{question.prompt}选"{condition.answers}"才要带。'),
  neededOptional: text('问到的材料可带可不带').default('{material.name}：可带可不带。'),
  neededAtWindow: text('问到的材料在窗口填').default('{material.name}：到窗口现场填写，不用提前准备。'),
  /** 要带原件吗, 原件还是复印件, 是原件 during the walk: the form the catalogue gives (形式) and how many, by form. */
  formOriginal: text('问原件还是复印件：要原件').default('{material.name}：要带原件，{material.copies}份。'),
  formCopy: text('问原件还是复印件：要复印件').default('{material.name}：要的是复印件，{material.copies}份；有原件的拿去复印一份就行。'),
  formBoth: text('问原件还是复印件：原件和复印件都要').default('{material.name}：原件要带，再带{material.copies}份复印件。'),
  formOriginalOrElectronic: text('问原件还是复印件：原件或电子的').default('{material.name}：要带原件，{material.copies}份；有电子版的也行。'),
  formElectronic: text('问原件还是复印件：要电子的').default('{material.name}：要的是电子版，不用带纸的。'),
  /** 没有原件, 只有复印件 where the original is wanted: not ready; said why, and where to get it, before the next question. */
  originalMissing: text('要原件、居民说没有原件').default('{material.name}要带原件。缺了怎么办：{material.whereToGet}'),
  /** 身份证过期了: not ready; said it must be renewed first, and where, before the next question. */
  expired: text('材料过期了').default('{material.name}过期了不能用，要先换新的，先记作"没有"。去哪办：{material.whereToGet}'),
  /** 有低保证 (a material of one case said to be there): that case taken as the answer to its question. */
  shownByMaterial: text('材料说明了情形').default('那"{question.prompt}"就按"{option}"算。'),
  /** 身份证有 at the 您是想问…吗 offer: the walk's answer, the offer left; before the walk goes on. */
  offerDeclined: text('换事项时回答了材料').default('好的，接着核对"{item.name}"的材料。'),
  /** 不是，我是给我爹办 at a material question: a correction, not 没有; said before the question again. */
  /**
   * 俺娘不是低保户 at a yes/no question about that kind among others (是不是低保、特困或者重度残疾老人？): the others are
   * still open ({kind} as said, {yes} and {no} the options); the question follows.
   */
  kindPartly: text('否定了问题里的一种情况').default('不是{kind}的话，还要看问题里说的别的情况：有一样是，就回"{yes}"；都不是，就回"{no}"。'),
  /** 好的, 行 at a material question: agreeing, not 有; asked gently for 有 or 没有 ({options}: 回复 1 有，2 没有). */
  agreeOnly: text('问材料时只说了好的').default('好的。{material.name}，您是有还是没有？\n{options}'),
  correction: text('材料问题上的纠正、说明').default('这一步只问：{material.name}准备好了没有（给家里人办的，看家里人的）。'),
  /** 俺是户主, 俺儿子是残疾人 at a material question: a fact about someone, not 有 or 没有; the material asked plainly again. */
  statedFact: text('问材料时说了一件事').default('好的。{material.name}，您有没有？\n{options}'),
  unsure: text('不确定有没有材料'),
  presumed: text('按居民的话定下的情形').default('按您说的"{option}"来准备材料。'),
  /**
   * The same for a yes/no question (俺男人瘫了 想办低保 → 家里有没有残疾或生重病的人？ 是): the resident's words ({said}: 瘫了)
   * and what they mean ({means}: 家里有残疾或生重病的人), as say.formPresumed; never the question quoted as theirs.
   */
  presumedYesNo: text('按居民的话定下的是/否情形').default('您说了"{said}"，就按{means}算。'),
  /** Materials further on the resident answered while asked another (户口本也有): noted, the question asked again. */
  heard: text('居民顺带说了后面材料有没有').default('记下了：{list}。'),
  /** One such material in heard's {list} ({answer}: walk.ready or walk.missing). */
  heardMaterial: text('顺带说的一样材料').default('{material.name}{answer}'),
  /** Materials answered before, now said otherwise (身份证找着了 after 没有): {list} as for heard. */
  changed: text('先前回答的材料改了').default('好的，改过来了：{list}。'),
  /** The walk's item is done already (房子已经过户了): its materials are not needed. */
  alreadyDone: text('事项已经办完了').default('已经办完了的话，"{item.name}"就不用再办了，这些材料也不用准备。'),
  /** Something else said to be missing (健康证还没办) while a material is asked: that material again ({options}). */
  /** 在外地能办吗 mid-walk: what the item says of applying away from home ({away}: its lines, joined). */
  away: text('问在外地能不能办').default('在外地办：{away}'),
  /** A remark on a situation question that names its words, not an option (新房产证还没下来): how to answer, then its options. */
  situationRemark: text('情形问题上说了相关的话，没选').default('这一问请按您的情况选一个；拿不准就回"不知道"，清单上会写明什么情况要带什么。'),
  otherThing: text('说的是别的东西没有').default('先说这一样：{material.name}，您有没有？\n{options}'),
  /** A document the item does not ask for, said with 有 or 没有 (户口本也有): not needed, then the question again. */
  /** 户口本用带吗 where the item lists no such document ({name}, in the resident's words): not needed; {note}, a material's note mentioning it. */
  notOnList: text('问到的东西不在材料里').default('不用带{name}，办"{item.name}"用不上。\n{note}'),
  unneeded: text('居民说的材料这件事用不上').default('{name}：办"{item.name}"用不上，不用带。'),
  /** In the walk's intro after a clear find that was not confirmed: how to say it is the wrong item. */
  unconfirmed: text('没问"对吗"就开始时，说不对的办法').default('问的不是这件事，请回复"不对"。'),
  /** 都有, 都准备好了 at a material question: {count} materials still to ask recorded 有 at once. */
  allReady: text('居民说剩下的都有了').default('好的，{count}样材料都记成有了。清单上都列着，出门前再对一遍。'),
  /** 返回 at a walk's first question, where before it no item was chosen: the item stays; how to change it. */
  firstStep: text('核对第一项时说返回').default('这已经是第一项了。要办的不是"{item.name}"，请回复"不对"。'),
  /**
   * Entering a walk with nothing to ask (the question said the case, 合作医疗今年交多少钱 → 续费, and it needs no
   * materials): what the walk's intro would have said first, the aspects asked ({answers}) and the case taken
   * ({presumed}), before the checklist.
   */
  noneToAsk: text('不用核对、直接列清单时先说的话').default('{answers}\n{presumed}'),
  /** 照片要几张 mid-walk: how many of that material (the one asked when none is named). */
  howMany: text('问材料要几张、几份').default('{material.name}：要{material.amount}。'),
  /** How many of a photo taken at the window (an electronic photo whose note says 现场): none to bring. */
  onSite: text('问现场采集的照片要几张').default('{material.name}：一般到窗口现场采集，当场拍，不用自己带。'),
  /** 去哪个医院评 mid-walk: the item's own line ({line}: a step, a material's or a place's note) that speaks of it. */
  fromItem: text('问某一步去哪办').default('办"{item.name}"：{line}'),
  /** Coming back to an item whose walk was left unfinished: {count} answers kept, and how to start over. */
  resumed: text('回到上次没核对完的事项').default('接着上次的：已记下 {count} 项。要从头核对，回复"从头核对"。'),
  /** 医保卡没有 where any one of several papers will do ({alternatives}): not recorded missing; the question follows. */
  eitherOne: text('几样有一样就行的材料，居民说其中一样没有').default('不要紧，{alternatives}，有一样就行。'),
  /** 不是这个, 俺问的不是这个 later in the walk: sorry, what is it then (and 返回 if only the last answer was wrong). */
  wrongItemLater: text('核对到一半说事项找错了').default('对不起，找错了。您要办什么事？请换个说法再说一次。（要接着核对刚才的材料，回复"返回"。）'),
  /** The same (or 不对 as the first reply) where the matcher found other items for the question: they are listed after it. */
  wrongItemOthers: text('说事项找错了，列出查到的别的事项').default('对不起，找错了。要接着核对刚才的材料，回复"返回"。'),
  /** 不对 俺是卖饲料的 during the walk: the item left, the rest asked as a new question (its reply follows). */
  restated: text('核对到一半说了自己真正要办的').default('好的，不是"{item.name}"。按您说的再找一下。'),
  /** 对, 没错 said to that: the item is right; the question is asked again after it. */
  itemConfirmed: text('没问"对吗"就开始时，居民说找对了').default('好的，就办这件事。'),
  /** The same said at a material question: with how to answer it, as 对 answered nothing there. */
  itemConfirmedMaterial: text('没问"对吗"就开始时，居民在材料问题上说找对了').default('好的，就办这件事。有的话回 1，没有回 2。'),
  /** 都有 at a yes/no situation question: it answers the materials, not this; how to answer ({yes}, {no}), then the question. */
  situationYesNo: text('情形问题（是/否）上说"都有"').default('这一问问的是您的情况，不是材料。请回答"{yes}"或"{no}"。'),
  /** 都有 at a situation question of several options: how to answer, then the question with its numbered options. */
  situationOptions: text('情形问题（几个选项）上说"都有"').default('这一问问的是您的情况，不是材料。请回复下面的编号。'),
  /** 要原件吗, 这个去哪开 at a situation question bringing in no one material: it asks how things are, not for a paper. */
  situationNoPaper: text('情形问题上问"要原件吗""这个去哪开"').default('这一问问的是您的情况，不是问材料，不用为它开证明。您选好以后，要带的材料再一样一样问您。'),
  /** 有 / 没有 at a 是不是 or …还是… question: it says neither; how to answer by number ({choices}: 1 是，2 否), then the question. */
  haveAtChoice: text('是不是、还是的情形问题上只回了"有""没有"').default('这一问不是问有没有，请回 {choices}。'),
})

const checklistMessages = z.strictObject({
  title: text('标题'),
  materials: text('材料标题'),
  legend: text('记号说明'),
  markReady: text('记号：已备好'),
  markMissing: text('记号：还缺'),
  markUnchecked: text('记号：未核对'),
  markConditional: text('记号：按情况'),
  markOptional: text('记号：可选'),
  ready: text('已备好'),
  missing: text('还缺'),
  unchecked: text('未核对'),
  conditional: text('按情况'),
  optional: text('可选'),
  /** After the materials: those the window provides or has filled in on the spot (窗口提供), {list} joined by ；. */
  atWindow: text('窗口提供的材料').default('到窗口现场填写（不用提前准备）：{list}'),
  /** A 提示 of the item for the resident's case, above the materials. */
  notice: text('提示').default('提示：{material.name}'),
  whereUnknown: text('不知道去哪办'),
  places: text('地点标题'),
  pointPlace: text('具体服务点'),
  tierPlace: text('按层级的地点'),
  townHint: text('请居民回复镇名'),
  localPlace: text('居民所在镇、村的地点'),
  townVillages: text('村里也能办'),
  placeUnknown: text('没找到地名'),
  /** A line under the title naming what is still missing ({missing.count}, {missing.list}); none by default. */
  summary: z.string({ error: '应为文字（写 "" 表示不显示）' }).default(''),
  /** One line of {missing.list} in the summary, per missing material: names hold 、 themselves (房产证、土地证). */
  summaryItem: text('还缺的一样材料').default('· {material.name}'),
  /**
   * Under the materials, when some were never checked and the resident may ask after the checklist: how to ask
   * where to get one ({material.name}: the first such). None by default (the standard list says where for each).
   */
  askWhere: z.string({ error: '应为文字（写 "" 表示不显示）' }).default(''),
  conditions: text('办理条件').default('办理条件：{item.conditions}'),
  steps: text('办理流程').default('怎么办：\n{item.steps}'),
  how: text('办理方式标题'),
  online: text('网上办理'),
  limit: text('时限'),
  fee: text('收费'),
  visits: text('跑动次数'),
  visitsNone: text('不用跑'),
  visitsSome: text('跑几次'),
  phone: text('咨询电话'),
  noProxy: text('不能代办'),
})

const AMOUNT_STANDARD = '能领多少：\n{item.benefitStandard}\n具体能领多少，请打电话问 {item.consultPhone}'

/** What a question asked besides the materials, answered once the item is settled (one line per aspect asked). */
const answersMessages = z.strictObject({
  limit: text('回答时限'),
  fee: text('回答收费'),
  amount: text('回答能领多少'),
  /** 能领多少 for an item with a 待遇标准 ({item.benefitStandard}, one line each); amount for one without. */
  amountStandard: text('回答能领多少（事项写了待遇标准）').default(AMOUNT_STANDARD),
  conditions: text('回答条件'),
  phone: text('回答电话'),
  /** Whether it can be done online: the item's 网上办理; onlineNone for an item without one. */
  online: text('回答能不能网上办').default('网上也能办：{item.online}'),
  onlineNone: text('回答不能网上办').default('这件事网上办不了，要到窗口办。拿不准的打电话问 {item.consultPhone}'),
  /** 老年证丢了能补不 where the item has no replacement case (no 补领 option): handled at the window; the phone. */
  replaceNone: text('回答丢了能不能补（事项没写补办）').default('丢了要补办的，这里没有单列，到窗口说明是补办就行；拿不准先打电话问 {item.consultPhone}'),
})

const helpKindMessages = z.strictObject({ 领办: text('领办说明'), 帮办: text('帮办说明'), 代办: text('代办说明'), 特办: text('特办说明') })

/** How the result reaches the resident, as the 代办 summary says it. */
const deliveryMessages = z.strictObject({ pickup: text('自取'), mail: text('邮寄'), doorstep: text('特办送上门').default('代办员送上门') })

/**
 * What the 代办 summary calls the contact number ({form.phoneLabel}): a mobile, or a landline taken when the resident
 * has no mobile (0539-7211000 typed twice).
 */
const phoneKindMessages = z.strictObject({ mobile: text('手机号叫什么').default('手机'), landline: text('座机号叫什么').default('固定电话') })

const optionsMessages = z.strictObject({ inline: text('一行显示的选项'), lines: text('分行显示的选项') })

/** Any entries of `section`, each a text or, to leave that line out of the 告知单, empty. */
function linesOf<T extends z.ZodRawShape>(section: z.ZodObject<T>) {
  const entry = z.string({ error: '应为文字（写 "" 表示这一行不显示）' }).optional()
  return z.strictObject(Object.fromEntries(Object.keys(section.shape).map((k) => [k, entry])) as { [K in keyof T]: typeof entry })
}

/**
 * Any entries of `section`, each an optional text without the standard entry's default: an elder entry not written
 * stays absent (the standard text is used, and the elder-words test sees it missing), rather than filled in with
 * the standard default as zod's partial() does.
 */
function elderEntries<T extends z.ZodRawShape>(section: z.ZodObject<T>) {
  const entries = Object.fromEntries(
    Object.entries(section.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
  )
  return z.strictObject(entries as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>, z.input<T[K]>>> })
}

/**
 * 长者模式: plainer, shorter wording for the same steps. Each entry replaces the entry of the same name for a
 * resident who chose it; an entry not written here stays as it is.
 */
const elderMessages = z.strictObject({
  say: elderEntries(sayMessages).optional(),
  options: elderEntries(optionsMessages).optional(),
  walk: elderEntries(walkMessages).optional(),
  checklist: linesOf(checklistMessages).optional(),
  answers: elderEntries(answersMessages).optional(),
  helpKinds: elderEntries(helpKindMessages).optional(),
  delivery: elderEntries(deliveryMessages).optional(),
  phoneKinds: elderEntries(phoneKindMessages).optional(),
})

export const MessagesFileSchema = z.strictObject({
  limits: z.strictObject({
    /** Longer messages are not read as a question. */
    maxText: z.number({ error: '应为整数' }).int({ error: '应为整数' }).min(20).max(5000),
  }),
  say: sayMessages,
  options: optionsMessages,
  walk: walkMessages,
  checklist: checklistMessages,
  answers: answersMessages.default({
    limit: '多久办好：{item.promisedLimit}',
    fee: '收不收费：{item.fee}',
    amount: '能领多少：按本县当年的标准发，具体请打电话问 {item.consultPhone}',
    amountStandard: AMOUNT_STANDARD,
    conditions: '谁能办：{item.conditions}',
    phone: '咨询电话：{item.consultPhone}',
    online: '网上也能办：{item.online}',
    onlineNone: '这件事网上办不了，要到窗口办。拿不准的打电话问 {item.consultPhone}',
    replaceNone: '丢了要补办的，这里没有单列，到窗口说明是补办就行；拿不准先打电话问 {item.consultPhone}',
  }),
  tiers,
  helpKinds: helpKindMessages,
  delivery: deliveryMessages,
  phoneKinds: phoneKindMessages.default({ mobile: '手机', landline: '固定电话' }),
  elder: elderMessages.optional(),
})
export type Messages = z.infer<typeof MessagesFileSchema>

/** Chinese names shown next to the English keys in error messages. */
export const KEY_LABELS: Readonly<Record<string, string>> = {
  ticketReplies: '代办工单回复里认的词',
  answerWords: '打分后是在回答材料的字',
  readyNow: '补齐了的说法',
  skipComment: '没有意见的说法',
  commentLead: '意见开头的词',
  start: '开始状态',
  switch: '换事项时的状态',
  states: '状态',
  kind: '状态类型',
  prompt: '提示语',
  reprompt: '听不懂时的提示',
  options: '选项',
  label: '选项文字',
  words: '说法',
  said: '居民问题里的说法',
  answer: '是/否',
  when: '条件',
  else: '条件不成立时去的状态',
  set: '记下',
  do: '动作',
  go: '下一步',
  match: '按问题查事项',
  done: '完成后去的状态',
  field: '要填的内容',
  invalid: '填错时的提示',
  villagePrompt: '选村提示语',
  choosePrompt: '同名村选哪个的提示语',
  otherVillage: '名单上没有的村',
  otherVillagePrompt: '问村名的提示语',
  fixPrompt: '改一项时的提示语',
  places: '回复镇名查地址电话',
  unsure: '问了别的事又拿不准时去的状态',
  yes: '"是"的说法',
  no: '"否"的说法',
  commands: '命令',
  elder: '长者模式的说法',
  asks: '问具体情况的说法',
  answers: '直接回答',
}

/** Every dialog file, parsed and valid, with what the engine compiles from them once, at load time. */
export interface DialogDefinitions {
  flow: FlowFile
  vocabulary: Vocabulary
  messages: Messages
  /** The vocabulary's words in their compared form (sets and maps), so that no step compiles them again. */
  vocab: CompiledVocabulary
}
