/**
 * The resident's side of tickets, for the conversation service: an effect executor for the dialog's
 * openTicket / listTickets effects, and an interceptor that sees each message before the dialog and handles
 * ticket commands (查询 ID, 取消 ID, 补齐 ID 说明), a pending rating (1–5) and then its optional comment.
 * A bare number rates only when the dialog has no open question (InterceptContext.dialogOpen) or none it could answer
 * (InterceptContext.takesNumber); "评价 5" always.
 */
import type { EffectExecutor, IncomingMessage, Interceptor, Resident, TextMessage, TicketReplyWords } from '../conversation/types.js'
import { TICKET_REPLY_DEFAULTS } from '../dialog/schema.js'
import { countWorkingDays, shanghaiDate } from './calendar.js'
import { findTicketId } from './ids.js'
import type { Action } from './lifecycle.js'
import { isBadRating, parseRatingReply, type RatingReply } from './rating.js'
import { act, openTicket, type ActResult, type TicketEnv } from './service.js'
import { residentWords, type ResidentWords } from './resident-words.js'
import { deadlineText, pointName, residentDetail, residentList } from './texts.js'
import { OPEN_STATUSES, type TicketState } from './types.js'

/** How long after a rating its comment is still expected. */
const COMMENT_WINDOW_MS = 30 * 60_000
/** Words of a question (咋办, 要带什么, 在哪): with a catalogue item named, the text is a request, not a comment. */
const ASKS = /[咋啥吗嘛哪?？]|怎么|什么|如何|多少|多久|能不能|可不可以|要不要|需要|要带|去哪|在哪|申请|办理/
/** "评价 9", "评价 10分": a rating out of range, answered with the range rather than taken for a question. */
const RATING_WITH_NUMBER = /^评价\s*[0-9０-９]/
/** Longest reply read as saying the missing material is ready now (see ReplyPatterns.readyNow). */
const READY_NOW_MAX = 20

/** The resident's ticket replies' patterns, built from vocabulary.yaml's ticketReplies (TicketReplyWords). */
interface ReplyPatterns {
  /** The whole reply to the comment question says there is none (无, 没意见). */
  skipComment: RegExp
  /** A comment said as one, at any time in its window, even while the dialog waits for an answer: 意见 跑了三趟. */
  commentLead: RegExp
  /** Words of an answer about papers (有, 没有, 材料, 身份证, 户口本): after a number, not a comment on the service. */
  answer: RegExp
  /** A short reply saying the missing material is ready now (复印好了, 证明开出来了): with one ticket 已退回, it is 补齐. */
  readyNow: RegExp
}

const compiledPatterns = new WeakMap<Readonly<TicketReplyWords>, ReplyPatterns>()
/** The patterns of `words`, built once per word lists (a reload of the dialogs brings new ones). */
function patterns(words: Readonly<TicketReplyWords>): ReplyPatterns {
  let p = compiledPatterns.get(words)
  if (p === undefined) {
    const any = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
    p = {
      skipComment: new RegExp(`^(?:${any(words.skipComment)})$`),
      commentLead: new RegExp(`^(?:${any(words.commentLead)})[\\s:：,，]*`),
      answer: new RegExp(any(words.answerWords)),
      readyNow: new RegExp(`(?:${any(words.readyNow)})[了啦吧呀啊。！!~～]*$`),
    }
    compiledPatterns.set(words, p)
  }
  return p
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
/**
 * A short reply wishing to stop or withdraw (不办了, 俺不想办了, 不要了 撤了吧, 取消, 撤回), compared without spaces and
 * punctuation: with a ticket open and no dialog question pending, it is about that ticket.
 */
const WITHDRAW = /取消|撤回|撤销|撤掉|撤了|撤单|退单|不办了|不办啦|不想办|不用办|不要办|不申请|不代办|不要代办|不要了/
/**
 * 不用了, 算了: how a chat is often closed (好的谢谢 不用了), a wish to withdraw only with the request named near it
 * (代办不用了, 申请算了, 工单不用了).
 */
const WITHDRAW_SOFT = /不用了|算了/
const ABOUT_REQUEST = /办|申请|工单/
/** Turned round: 不取消, 别撤了, 不用取消 keep the ticket. */
const KEEP = /[不别没](要|用)?(取消|撤)/
const WITHDRAW_MAX = 12
/**
 * What a wish to withdraw may say besides itself (who, asking how, politeness, particles): what is left after these
 * names something else (取消低保咋办, 我问的是取消低保, 商标撤销怎么办 leave 低保, 商标), and is no wish about the ticket.
 */
const WISH_WORDS = new RegExp(
  [
    'db\\d+', '取消', '撤回', '撤销', '撤掉', '撤单', '退单', '撤', '不办', '不想', '不用', '不要', '不申请', '不代办', '算了',
    '确认', '确定', '申请', '代办', '工单', '办理', '办', '咋办', '怎么', '咋', '如何', '怎样', '能不能', '可不可以', '可以',
    '一下', '能', '吗', '嘛', '呢', '啊', '呀', '吧', '了', '啦', '哈', '哦', '的', '是', '我', '俺', '咱', '你', '您',
    '们', '要', '想', '请', '问', '帮', '给', '麻烦', '谢谢', '先', '还', '就', '这', '那', '个', '件', '事', '嗯', '恩',
    '好', '行', '对', '师傅', '同志',
  ].join('|'),
  'gi',
)
/** Said to the question cancelAsk asks, or at once with one ticket waiting: withdraw it. */
const CONFIRM_CANCEL = /^(确认|确定|是的?|对)(要)?(取消|撤回|撤销)(申请|代办|工单|吧|了|啊|啦)*$/
/**
 * A wish to withdraw and nothing else (取消, 撤回, 我要撤回, 不办了, 取消申请), compared without spaces and punctuation:
 * with no ticket open and no dialog under way, there is nothing to withdraw, and that is said.
 */
const BARE_WISH = /^(我|俺|咱)?(要|想)?(取消|撤回|撤销|撤单|退单|不办了|不办啦|不想办了|不申请了|不代办了|不要代办了|先不办了|算了不办了)(申请|代办|工单)?(了|吧|啦|啊)*$/
/**
 * The dialog's own 不办了 (its cancel command): with nothing open to withdraw, the dialog answers it, closing the item
 * at hand kindly (自己办理, a case that needs nothing, 不办了 at the summary), or saying at its start that nothing is
 * under way. Not 撤回, 取消申请: those are about a request, and there is none.
 */
const DIALOG_STOP = /^(我|俺|咱)?(取消|不办了|不办啦|不想办了|不申请了|不代办了|先不办了|算了不办了)(了|吧|啦|啊)*$/
/** 都不, 都不要, 一个也不取消 to the list of several. */
const NONE_OF_THEM = /^(都|全都|一个也|一件也)(不|不要|不用)(取消|撤|撤回)?(了|吧|啊)*$/
/** How long after cancelAsk a bare yes (是, 对, 1) still answers it. */
const CANCEL_ASK_MS = 10 * 60_000
/**
 * A yes to cancelAsk's question, compared without spaces and punctuation: what it offers (是, 确认, 1), or a
 * cancel word again (嗯 取消吧, 好 不办了). A bare 好, 行, 嗯, 中 is said out of habit and withdraws nothing.
 */
const YES = /^(嗯|恩|哦|噢|对|好)*(是|确认|确定|1)+(的|啊|呀|吧|了|哈|呢)*$/
const YES_CANCEL = /^(嗯|恩|哦|噢|对|好|行|是|那|那就|就)*(给我|帮我)?(要)?(取消|撤回|撤销|撤了|撤掉|撤单|不办了|不办啦|不要了|不想办了|不用办了)(申请|代办|工单|吧|了|啊|啦|呀)*$/
/** A no to it (不, 不是, 还要办, 还是办吧): the ticket is kept, and said so. KEEP's 不取消, 别撤了 too. */
const NO = /^(那|那就)?(不|不是|不对|否|没有|别|还要办|还办|要办|还是办|还是要办|继续办|接着办|照常办)(的|啊|呀|吧|了)*$/
/**
 * 不要, 不用 to it: "don't cancel" or "don't want it"? Nothing is withdrawn on a guess: the ticket is kept, said so,
 * with how to withdraw it after all. (不要了 is a yes: YES_CANCEL.)
 */
const UNCLEAR_NO = /^(嗯|哦)?(不要|不用|不用了|不需要|不必|不必了)(吧|啊|呀)*$/
/**
 * Where the dialog stands at a submitted request: going back to it or confirming it again (返回, 确认, a stray 1),
 * which the dialog answers with 已经提交过了, untrue once the resident cancelled it.
 */
const AT_SUBMITTED = /^(返回|上一步|回上一步|退回|回去|后退|确认|确定|提交|确认提交|再提交|重新提交|好|好的|[1-9])$/
/** A number alone (5, ５, 五, ⑤): where the dialog offers numbered options, maybe one of them. */
const BARE_NUMBER = /^([0-9]+|[一二三四五六七八九十]|[①-⑩])$/
/** The dialog's global commands: never taken for a comment. */
const GLOBAL = /^(人工|转人工|重新开始|返回|上一步|帮助|菜单|我的进度)$/

/** Carries out openTicket, listTickets and mentionOpenTicket; other effects are not the tickets' business (returns no replies). */
export function createTicketEffectExecutor(env: TicketEnv): EffectExecutor {
  return async (effect, message) => {
    const now = message.now
    if (effect.type === 'listTickets') {
      const tickets = await mine(env, message.resident)
      return tickets.length === 0 && effect.quietIfNone ? [] : [residentList(tickets, env.network, residentWords(effect.elder))]
    }
    if (effect.type === 'mentionOpenTicket') {
      const open = (await mine(env, message.resident)).filter((t) => OPEN_STATUSES.includes(t.status))
      const t = open[0]
      return t === undefined ? [] : [residentWords(effect.elder).stillOpen(t, t.status === '待领办', open.length > 1)]
    }
    if (effect.type !== 'openTicket') return []
    // The same request sent again (the form filled twice): one ticket, as duplicate requests are merged. One that
    // asks for another kind of help or another way back (now 特办, now mailed) is a new request: the agent sees both.
    const req = effect.request
    const related = (await mine(env, message.resident)).filter(
      (t) => OPEN_STATUSES.includes(t.status) && t.itemId === req.itemId && t.name === req.name && t.phone === req.phone,
    )
    const words = residentWords(req.elder)
    const same = related.find((t) => t.help === req.help && t.delivery.kind === req.delivery.kind)
    if (same) return [words.alreadyOpen(same, words.status(same.status), same.status === '已退回')]
    const r = await openTicket(env, effect.request, now)
    if (!r.ok) return [r.message]
    const t = r.ticket
    const opened = words.opened(t, pointName(env.network, t.nodeId), deadlineText(t.dueAt, words))
    // The earlier one for the same person and item, asked otherwise (帮办, not 代办): said, with how to withdraw it.
    const earlier = related[0]
    return earlier ? [opened, words.earlierOpen(earlier, earlier.status === '待领办')] : [opened]
  }
}

export interface InterceptorOptions {
  /**
   * Whether the resident is in the middle of a dialog step that expects an answer, for callers that do not
   * pass the conversation service's InterceptContext (which says the same as `dialogOpen`). When either says
   * yes, a bare "1"–"5" (①, "１", "五", "好") goes to the dialog instead of rating a finished ticket;
   * explicit ratings ("评价 5", "5分", "非常满意") still rate.
   */
  dialogActive?: (resident: Resident) => Promise<boolean> | boolean
}

/** Handles the resident's ticket messages; undefined lets the dialog have the message. */
export function createTicketInterceptor(env: TicketEnv, opts: InterceptorOptions = {}): Interceptor {
  /**
   * Whether the resident has any ticket, read as the turn is requested (prefetch) rather than after it is
   * taken: for the many residents without one, one wait for Redis less per message (and, when the session store
   * offers it, no command of its own: the script that takes the turn reads it). It only ever decides "none,
   * nothing to do": an earlier turn still running can have opened a ticket (待受理, which nothing here acts on
   * unasked), but every decision on existing tickets (rating, comment) reads them again inside the turn, because
   * an earlier turn may just have rated or commented.
   */
  const prefetched = new WeakMap<TextMessage, Promise<boolean>>()
  const intercept: Interceptor = async (message, context) => {
    const text = message.content.text.normalize('NFKC').trim()
    const who = message.resident
    const id = findTicketId(text)
    const early = prefetched.get(message)
    prefetched.delete(message)
    // The question cancelAsk asked, when it was the last thing said: taken (so forgotten) by whatever comes next.
    const asked = takeCancelAsk(env, who, message.now, early)
    const words = residentWords(context?.elder ?? message.elder)
    // The dialogs' vocabulary (ticketReplies) through the conversation service; its shipped words for other callers.
    const replyPatterns = patterns(context?.ticketReplies ?? TICKET_REPLY_DEFAULTS)

    if (/^(查询|查看|查进度|进度查询|查询工单|我的工单|查工单|工单|我的申请|我的代办)$/.test(text)) return [residentList(await mine(env, who), env.network, words)]
    if (id !== undefined && (/^(查询|查看|进度|查进度)/.test(text) || text.replace(/\s/g, '').toUpperCase() === id)) {
      const t = await env.store.get(id)
      if (t === undefined || !same(t.resident, who)) return [words.notFound(id)]
      return [residentDetail(t, env.network, t.history, words)]
    }
    if (/^取消/.test(text) && id !== undefined) {
      const reason = withoutId(text.replace(/^取消\s*/, ''), id).trim()
      const r = await act(env, id, { name: 'cancel', ...(reason && { reason }) }, resident(who), message.now)
      // Claimed already: not cancellable here, and whom to tell instead (the agent, by 查询's phone).
      const held = r.ok ? undefined : await env.store.get(id)
      if (held !== undefined && same(held.resident, who) && OPEN_STATUSES.includes(held.status) && held.status !== '待领办') return [words.cannotCancel(held)]
      return reply(words, id, r, () => words.cancelled(id))
    }
    if (/^(补齐|已补齐|补充|补材料|材料补齐了)/.test(text)) return resume(env, message, text, id, words)

    const rateWord = /^评价/.test(text)
    // Read only when needed: the option may cost a look-up.
    let open: boolean | undefined
    const dialogOpen = async () => (open ??= context?.dialogOpen === true || (await opts.dialogActive?.(who)) === true)
    // Its question only asks for a new question (没找到 … 回复 1 转人工): a reply for a ticket is not its answer.
    const asksAnswer = async () => context?.asksNewQuestion !== true && (await dialogOpen())
    // 撤回 with nothing under way: not a question for the catalogue (没找到"撤回"), nothing to withdraw. The dialog's
    // own 不办了 is left to it, unless it stands at a submitted request (that request is what it is about).
    const nothingToWithdraw = async () => {
      const wish = compacted(text)
      return BARE_WISH.test(wish) && (context?.submitted === true || !DIALOG_STOP.test(wish)) && !(await dialogOpen())
    }
    if (early && !(await early) && !rateWord) return (await nothingToWithdraw()) ? [words.nothingToCancel(false)] : undefined
    const mineNow = await mine(env, who)
    const scored = parseRatingReply(withoutId(text.replace(/^评价\s*/, ''), id))
    const outOfRange = RATING_WITH_NUMBER.test(text) && scored === undefined
    if (mineNow.length === 0) {
      if (rateWord && (outOfRange || scored !== undefined)) return [words.nothingToRate]
      return (await nothingToWithdraw()) ? [words.nothingToCancel(false)] : undefined
    }
    if (outOfRange && id === undefined) return [words.ratingRange]
    // 不办了 at 自己办理's screen (or the checklist) of an item no open request is for: the dialog's, about that item;
    // its goodbye says the earlier request is kept (mentionOpenTicket).
    const atHand = context?.itemAtHand
    const otherItem = atHand !== undefined && !mineNow.some((t) => t.itemId === atHand && OPEN_STATUSES.includes(t.status))
    const dialogStops = otherItem && (await asked) === undefined && DIALOG_STOP.test(compacted(text))
    const withdrawn = dialogStops ? undefined : await withdrawal(env, message, text, mineNow, words, asksAnswer, context?.submitted === true, await asked)
    if (withdrawn !== undefined) return withdrawn
    // A bare 5 the dialog's question has no number for (没有这个编号): no choice on screen it could mean.
    const noChoiceFor = (score: number) => context?.takesNumber?.(score) === false
    // Where only a new question is asked, a bare number is still the dialog's when one of its options takes it (1 转人工).
    const bareNumber = context?.asksNewQuestion === true && BARE_NUMBER.test(compacted(text))
    const questionOpen = async () => bareNumber || (await asksAnswer())
    if (scored !== undefined && (await ratesNow(scored, rateWord || id !== undefined, questionOpen, noChoiceFor, replyPatterns.answer))) {
      const { score, comment } = scored
      const named = id === undefined ? undefined : mineNow.find((t) => t.id === id)
      // A number that is none of theirs (mistyped): said so, never another ticket rated in its place.
      if (id !== undefined && named === undefined) return [words.notFound(id)]
      const target = named ? (awaitingRating(env, named, message.now) ? named : undefined) : mineNow.find((t) => awaitingRating(env, t, message.now))
      if (target === undefined) {
        const expired = named?.status === '已办结' ? named : mineNow.find((t) => t.status === '已办结' && t.rating === undefined)
        // Only a rating said as one (评价 5), or a score beyond doubt (5 分) with a ticket whose time is over, is told why
        // it cannot rate; other words go on to the dialog.
        if (!rateWord && id === undefined && !(scored.explicit && expired)) return undefined
        const rated = named ?? mineNow.find((t) => t.rating)
        if (rated?.rating) return [words.alreadyRated(rated.id, rated.rating.score)]
        return [expired ? words.ratingExpired(expired.id, env.network.settings.ratingDays) : words.nothingToRate]
      }
      const midDialog = await dialogOpen()
      const r = await act(env, target.id, { name: 'rate', score }, resident(who), message.now)
      // The comment said with the score is kept with it (its failure would only lose the comment: the score stands).
      const commented = r.ok && comment !== undefined && (await act(env, target.id, { name: 'comment', text: comment }, resident(who), message.now)).ok
      // With several waiting for a rating, the thanks names the one rated (the newest, unless one was named).
      const several = mineNow.filter((t) => awaitingRating(env, t, message.now)).length > 1
      const which = several ? `${target.id}（${target.itemName}，${target.name}）` : undefined
      return reply(words, target.id, r, () => words.rated(score, isBadRating(score), env.network.settings.followUpDays, midDialog, commented, which))
    }
    const commenting = mineNow.find((t) => t.rating && !t.rating.commentClosed && message.now - t.rating.at <= COMMENT_WINDOW_MS)
    // While the dialog waits for an answer, the resident's reply is that answer, not a comment.
    // A new question (结婚登记要带什么材料) right after rating is answered, not filed as the comment.
    const newQuestion = () => ASKS.test(text) && context?.namesItem?.() === true
    const said = replyPatterns.commentLead.exec(text)
    if (commenting !== undefined && said !== null && text.length > said[0].length) {
      const comment = text.slice(said[0].length).trim()
      const midDialog = await dialogOpen()
      return reply(words, commenting.id, await act(env, commenting.id, { name: 'comment', text: comment }, resident(who), message.now), () => words.commentNoted(midDialog))
    }
    if (commenting !== undefined && !GLOBAL.test(text) && text !== '' && !(await dialogOpen()) && !newQuestion()) {
      const action: Action = replyPatterns.skipComment.test(text) ? { name: 'comment' } : { name: 'comment', text: message.content.text.trim() }
      return reply(words, commenting.id, await act(env, commenting.id, action, resident(who), message.now), () =>
        action.name === 'comment' && action.text ? words.commentNoted(false) : words.commentSkipped,
      )
    }
    // 复印好了 with a ticket waiting for materials: the materials are ready, unless a dialog question takes it.
    const returned = mineNow.filter((t) => t.status === '已退回')
    if (returned.length > 0 && saysReady(text, replyPatterns.readyNow)) {
      // With several, the one it names; none named: which one (rather than leaving 照片拍好了 to the catalogue).
      const named = returned.length === 1 ? returned[0] : namedReturned(returned, text)
      const ready = `补齐 ${message.content.text.trim()}`
      if (!(await asksAnswer())) return resume(env, message, ready, named?.id, words)
      // Mid-walk, the walk's own paper when it can place it (照片拍好了 where its item needs photos): the walk notes
      // it, and a line after says how to hand it in for the ticket instead. A reply it cannot place is the ticket's,
      // and the walk's question waits (said so). Without the service's context nothing can tell: the dialog's.
      const understood = context?.understood?.()
      if (understood === false) return resume(env, message, ready, named?.id, words, true)
      if (understood === true) context?.addAfter?.(named ? words.returnedHint(named.id, named) : words.returnedHint(exampleFor(returned)))
    }
    // 谢谢, 麻烦你们了, 俺等信儿 with a ticket under way and no question it answers: welcome, and the ticket is in hand.
    const underWay = mineNow.find((t) => OPEN_STATUSES.includes(t.status))
    if (underWay !== undefined && isCourtesy(compacted(text)) && !(await asksAnswer())) return [words.thanksOpen(underWay, words.status(underWay.status))]
    return undefined
  }
  intercept.prefetch = (message, along) => {
    const key = along && env.store.residentKey?.(message.resident)
    const early = along && key !== undefined ? along.exists(key) : mine(env, message.resident).then((tickets) => tickets.length > 0)
    early.catch(() => {})
    prefetched.set(message, early)
  }
  return intercept
}

/**
 * A short reply saying the missing material is ready: a readyNow word (vocabulary.yaml ticketReplies) alone, or first with when or how it comes after it
 * (相片照好了 明天给你送过去), nothing there denying or asking (还没, 不, 咋).
 */
function saysReady(text: string, readyNow: RegExp): boolean {
  if (text.length <= READY_NOW_MAX && readyNow.test(text)) return true
  const [first, ...rest] = text.split(/[\s,，。.!！;；]+/).filter((p) => p !== '')
  return first !== undefined && rest.length > 0 && text.length <= 2 * READY_NOW_MAX && readyNow.test(first) && !/[没不吗咋啥?？]|怎么/.test(rest.join(''))
}

/** Words of thanks or of waiting for news (谢谢, 麻烦你们了, 辛苦, 俺等信儿): one must be there. */
const COURTESY = /谢|麻烦|辛苦|等(信|消息|通知|电话|你们)/
/** What a reply of thanks may be made of, besides them: who, agreeing (好的, 嗯嗯), particles. */
const COURTESY_WORDS = /谢谢|谢了|多谢|感谢|麻烦|辛苦|等信儿?|等消息|等通知|等电话|等着|等你们|知道了|好的|好嘞|好|嗯|恩|哦|行|中|那|就|俺|我|咱|恁|您|你|们|了|啊|哈|吧|呀|的|啦|儿/g

/** A reply (`compact`: no spaces or punctuation) that only thanks or says the resident waits for news. */
function isCourtesy(compact: string): boolean {
  return compact.length <= 16 && COURTESY.test(compact) && compact.replace(COURTESY_WORDS, '') === ''
}

/**
 * Whether a score read from the reply rates a ticket now. Said as a rating (评价 5, or naming the ticket): always.
 * Otherwise not when it goes on to ask something (还可以补办吗); while a dialog question waits only a score said beyond
 * doubt (4分, 非常满意, 不满意 太慢了, 5 很满意), or a bare score none of its numbered choices could mean (5 where it
 * offers 1 and 2: the dialog would answer 没有这个编号); never 2。 or 1 部分材料有了; with none waiting, not a number
 * whose words answer about papers (1 有).
 */
async function ratesNow(
  scored: RatingReply,
  saidAsRating: boolean,
  dialogOpen: () => Promise<boolean>,
  noChoiceFor: (score: number) => boolean,
  answerWords: RegExp,
): Promise<boolean> {
  if (saidAsRating) return true
  if (scored.asks) return false
  if (await dialogOpen()) return scored.explicit || (scored.comment === undefined && noChoiceFor(scored.score))
  // With no question open: 5 谢谢, 4 挺好 rate; 1 有, 2 没有身份证, 1 部分材料有了 answer something else.
  return scored.comment === undefined || scored.explicit || !answerWords.test(scored.comment)
}

/**
 * A wish to stop while a ticket is open, answered about the ticket rather than by the dialog's 先不办了 (which left
 * it open): with one waiting for an agent, named and asked to confirm (确认取消 then withdraws it); with several, listed
 * with how to cancel each; with one being handled, whom to tell. Right after that question (`asked`), a bare yes
 * (是, 1, 嗯 取消吧) withdraws it and a no (不, 不取消) keeps it, saying so. After a cancel, where the dialog stands at
 * the request (返回, 确认), that it was cancelled. Undefined when none of this applies.
 */
async function withdrawal(
  env: TicketEnv,
  message: IncomingMessage,
  text: string,
  mineNow: TicketState[],
  words: ResidentWords,
  dialogOpen: () => Promise<boolean>,
  submitted: boolean,
  asked: string[] | undefined,
): Promise<string[] | undefined> {
  const compact = compacted(text)
  const waiting = mineNow.filter((t) => t.status === '待领办')
  const confirms = CONFIRM_CANCEL.test(compact.replace(/db\d+/gi, ''))
  const wish = isWish(compact, mineNow)
  const cancel = async (id: string) =>
    reply(words, id, await act(env, id, { name: 'cancel' }, resident(message.resident), message.now), () => words.cancelled(id))
  const askedFor = asked?.length === 1 ? mineNow.find((t) => t.id === asked[0]) : undefined
  // Asked which of several: one named by its number or its item's words (1, 第一个, 残疾证那个) is asked to confirm.
  const chosen = asked !== undefined && asked.length > 1 ? chosenTicket(compact, asked, mineNow) : undefined
  if (chosen !== undefined) return askToConfirm(env, message, chosen, words)
  // 不, 不要, 都不取消 to which of several: none is withdrawn, and that is said (it fell to the dialog's 已经提交过了).
  if (asked !== undefined && asked.length > 1 && (KEEP.test(compact) || NO.test(compact) || UNCLEAR_NO.test(compact) || NONE_OF_THEM.test(compact))) {
    return [words.cancelKeptAll(mineNow.filter((t) => asked.includes(t.id) && t.status === '待领办').length)]
  }
  if (askedFor !== undefined) {
    if (KEEP.test(compact) || NO.test(compact)) return [words.cancelKept(askedFor)]
    if (UNCLEAR_NO.test(compact)) return [words.cancelKeptUnclear(askedFor)]
    // Only what the question offers: anything else (我问的是取消低保, 好) is a new message, and the question is let go.
    if (confirms || YES.test(compact) || YES_CANCEL.test(compact)) return cancel(askedFor.id)
  }
  const wishes = confirms || (wish && !(await dialogOpen()))
  if (wishes) {
    if (waiting.length === 1 && confirms) return cancel(waiting[0]!.id)
    if (waiting.length === 1) return askToConfirm(env, message, waiting[0]!, words)
    if (waiting.length > 1) {
      const listed = waiting.slice(0, 10)
      await env.store.askCancel(message.resident, listed.map((t) => t.id), message.now, message.now + CANCEL_ASK_MS)
      return [words.cancelWhich(listed.map((t, i) => `${i + 1}. ${t.id} ${t.itemName}`), listed[0]!.id)]
    }
    const handled = mineNow.find((t) => OPEN_STATUSES.includes(t.status))
    if (handled !== undefined) return [words.cannotCancel(handled)]
  }
  const newest = mineNow[0]
  if ((confirms || (submitted && AT_SUBMITTED.test(compact))) && newest?.status === '已取消') return [words.cancelledBefore(newest)]
  if (wishes && BARE_WISH.test(compact) && (submitted || !DIALOG_STOP.test(compact))) return [words.nothingToCancel(true)]
  return undefined
}

/** Asks to confirm withdrawing ticket `t`, remembering the question (a bare 是 then withdraws it). */
async function askToConfirm(env: TicketEnv, message: IncomingMessage, t: TicketState, words: ResidentWords): Promise<string[]> {
  await env.store.askCancel(message.resident, [t.id], message.now, message.now + CANCEL_ASK_MS)
  return [words.cancelAsk(t)]
}

const HAN_NUMBERS = '一二三四五六七八九十'
/** A choice by number from cancelWhich's list: 1, 第一个, 第2件, 1号 (with 取消 or 那个 around). */
const BY_NUMBER = new RegExp(`^(?:第)?([1-9]|10|[${HAN_NUMBERS}])(?:个|件|条|号)?$`)
/** Words around a choice (取消残疾证那个, 老年证那件吧): dropped to leave the number or the item's words. */
const AROUND_CHOICE = /取消|撤回|撤销|不要了|不办了|不要|那个|这个|那件|这件|那张|那一个|那一件|申请|工单|代办|吧|了|的|啊|呀/g

/**
 * The ticket a reply picks from cancelWhich's list (`ids`, in the order listed): by its number (1, 第一个), or by
 * its item's words (残疾证那个: every character of them in the item's name) when they fit exactly one. Undefined
 * for anything else (a new question, 是), which lets the question go.
 */
function chosenTicket(compact: string, ids: readonly string[], tickets: readonly TicketState[]): TicketState | undefined {
  const listed = ids.flatMap((id) => tickets.filter((t) => t.id === id && t.status === '待领办'))
  if (compact.length > WITHDRAW_MAX) return undefined
  const rest = compact.replace(AROUND_CHOICE, '')
  const n = BY_NUMBER.exec(rest)?.[1]
  if (n !== undefined) {
    const index = /\d/.test(n) ? Number(n) : HAN_NUMBERS.indexOf(n) + 1
    const id = ids[index - 1]
    return listed.find((t) => t.id === id)
  }
  if ([...rest].length < 2) return undefined
  const fits = listed.filter((t) => [...rest].every((c) => t.itemName.includes(c)))
  return fits.length === 1 ? fits[0] : undefined
}

/**
 * A short wish to withdraw about the resident's ticket (`compact`: without spaces and punctuation): a withdraw word,
 * not turned round (不取消), and nothing else named but the ticket's own item (老年证不办了, not 取消低保咋办).
 */
function isWish(compact: string, tickets: readonly TicketState[]): boolean {
  if (compact.length > WITHDRAW_MAX || KEEP.test(compact)) return false
  if (!WITHDRAW.test(compact) && !(WITHDRAW_SOFT.test(compact) && ABOUT_REQUEST.test(compact))) return false
  const rest = [...compact.replace(WISH_WORDS, '')]
  return rest.length < 2 || tickets.some((t) => rest.every((c) => t.itemName.includes(c)))
}

/** The text without spaces and punctuation, as wishes to withdraw are compared. */
function compacted(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '')
}

/**
 * The tickets `who` was asked about withdrawing (see withdrawal), read and forgotten: started as the message
 * comes, so that any reply lets the question go. Not read for a resident the prefetch found without tickets.
 */
function takeCancelAsk(env: TicketEnv, who: Resident, now: number, early: Promise<boolean> | undefined): Promise<string[] | undefined> {
  const asked = (early ?? Promise.resolve(true)).then((any) => (any ? env.store.takeCancelAsk(who, now) : undefined))
  asked.catch(() => {})
  return asked
}

/**
 * 补齐: ticket `id`, or the one waiting for materials `text` names; with several and none named, which one.
 * `midDialog`: the dialog's question still waits, and that is said.
 */
async function resume(
  env: TicketEnv,
  message: IncomingMessage,
  text: string,
  id: string | undefined,
  words: ResidentWords,
  midDialog = false,
): Promise<string[]> {
  const returned = (await mine(env, message.resident)).filter((t) => t.status === '已退回')
  const target = id ?? (returned.length === 1 ? returned[0]?.id : namedReturned(returned, text)?.id)
  if (target === undefined) {
    if (returned.length === 0) return [words.noneReturned]
    const lines = returned.map((t) => `· ${t.id} ${t.itemName}（${t.name}）：${t.returnReason ?? '补充材料'}`)
    return [words.severalReturned(lines, exampleFor(returned), midDialog)]
  }
  const answer = withoutId(text.replace(/^(补齐|已补齐|补充|补材料|材料补齐了)\s*/, ''), id).trim()
  const r = await act(env, target, { name: 'resume', answer: answer || '材料已补齐' }, resident(message.resident), message.now)
  return reply(words, target, r, () => words.resumed(target, midDialog))
}

/**
 * Of several tickets waiting for materials, the one the reply is about: it shares the most two-character words with
 * the ticket's item and what the agent asked for (照片拍好了 → the one returned for 缺照片; 补齐 老年证 → the 老年证 one).
 * Undefined when none shares a word or two share as many.
 */
function namedReturned(returned: readonly TicketState[], text: string): TicketState | undefined {
  const said = pairs(text.replace(/^(补齐|已补齐|补充|补材料|材料补齐了)\s*/, ''))
  const scored = returned.map((t) => {
    const own = pairs(`${t.itemName} ${t.name} ${t.returnReason ?? ''}`)
    let shared = 0
    for (const p of said) if (own.has(p)) shared++
    return { t, shared }
  })
  const best = Math.max(0, ...scored.map((s) => s.shared))
  const top = scored.filter((s) => s.shared === best)
  return best > 0 && top.length === 1 ? top[0]!.t : undefined
}

/**
 * What to add to 补齐 to pick one of several: the item when their items differ, else the applicant when their names
 * do, else the ticket number (the one thing that always tells them apart).
 */
function exampleFor(returned: readonly TicketState[]): string {
  const first = returned[0]!
  const unique = (of: (t: TicketState) => string) => returned.filter((t) => of(t) === of(first)).length === 1
  if (unique((t) => t.itemName)) return first.itemName
  if (unique((t) => t.name)) return first.name
  return first.id
}

/** Two-character pieces of the Chinese in `text` (照片拍好了 → 照片, 片拍, 拍好, 好了). */
function pairs(text: string): Set<string> {
  const han = text.replace(/[^\u4e00-\u9fff]+/g, ' ')
  const out = new Set<string>()
  for (const run of han.split(' ')) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2))
  // Words of no weight: said of any ticket.
  for (const common of ['好了', '准备', '备好', '已经', '材料', '补齐', '拿到', '找到']) out.delete(common)
  return out
}

/**
 * The text without the ticket number found in it (typed with spaces inside or not): exactly its digits, so that a
 * score or a note after it (评价 DB2611230001 5) is kept.
 */
function withoutId(text: string, id: string | undefined): string {
  if (id === undefined) return text
  const digits = id.slice(2).split('').join('\\s*')
  return text.replace(new RegExp(`d\\s*b\\s*${digits}`, 'i'), '').trim()
}

/** What the resident reads after acting on ticket `id`: `ok`'s text, or the refusal in the resident's words. */
function reply(words: ResidentWords, id: string, r: ActResult, ok: () => string): string[] {
  return [r.ok ? ok() : words.refused(id, r)]
}

/** The resident's tickets, newest first. */
async function mine(env: TicketEnv, who: Resident): Promise<TicketState[]> {
  return env.store.list({ resident: who }, 50)
}

/** Done, not rated yet, and within the rating period (working days after it was done). */
function awaitingRating(env: TicketEnv, t: TicketState, now: number): boolean {
  if (t.status !== '已办结' || t.rating !== undefined || t.doneAt === undefined) return false
  return countWorkingDays(env.calendar, shanghaiDate(t.doneAt), shanghaiDate(now)) <= env.network.settings.ratingDays
}

function same(a: Resident, b: Resident): boolean {
  return a.channel === b.channel && a.userId === b.userId
}

function resident(r: Resident) {
  return { kind: 'resident' as const, resident: r }
}
