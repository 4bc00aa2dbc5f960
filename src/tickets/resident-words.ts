/**
 * What residents read about their proxy tickets (opened, claimed, started, returned for materials, done, the rating
 * question, 我的工单, 查询, 取消, 补齐 …, and what they tried and were refused: 不能取消 …), in the standard words and in
 * 长者模式's plainer ones. Pure. The resident's
 * choice travels with the message (the conversation service tells the interceptor, the dialog's effects carry it) and
 * is kept on the ticket, so that its later news (接单, 办结) comes in the words the resident chose when applying.
 * Agents' texts are not here: they read the standard ones (texts.ts, notify.ts).
 */
import type { Refusal } from './lifecycle.js'
import { RATING_LABELS, ratingPrompt } from './rating.js'
import type { TicketStatus } from './types.js'

/** How the resident gets the result: fetched at `point`, brought by the agent, or mailed. */
export type ResultCollection =
  | { kind: 'pickup'; point: string; agent?: { name: string; phone: string } }
  | { kind: 'door'; agent?: { name: string; phone: string } }
  | { kind: 'mail' }

/** The ticket's facts a text may say. */
export interface TicketFacts {
  id: string
  itemName: string
  help: string
}

export interface ResidentWords {
  /** Just opened: its number (to keep), what, who handles it, by when, how to ask and cancel. */
  opened(t: TicketFacts, point: string, deadline: string): string
  /**
   * The same request (item, applicant, phone, help, delivery) is already open as `t`: not opened again. `returned`:
   * it waits for materials, and 补齐 is how to say they are ready.
   */
  alreadyOpen(t: TicketFacts, status: string, returned: boolean): string
  /**
   * A new request was opened while an earlier one for the same person and item, asked otherwise (another help kind or
   * way back), is still open: both stand; how to withdraw the earlier (`waiting`: 取消 works, else call the agent).
   */
  earlierOpen(t: TicketFacts, waiting: boolean): string
  /** By when it is done: a day, or none promised (以窗口为准). */
  deadline(dueDay: string | undefined): string
  /** A status as the resident reads it (待领办 reads like a help kind: said as waiting for someone to take it). */
  status(status: TicketStatus): string
  /** 我的工单 with none. */
  listNone: string
  /** 我的工单: the header, the lines (· id item：status), whether older ones were left out, how to see one. */
  list(lines: string[], more: boolean, newestId: string): string
  /** 查询 ID: the ticket's lines, one per fact. */
  detail(t: TicketFacts, d: { status: string; createdAt: string; deadline?: string; last?: string; waiting: boolean; returned: boolean }): string
  /** Status with who has it (代办员 name and phone) and what is to be added when returned. */
  statusLine(status: string, agent: string | undefined, returnReason: string | undefined): string
  notFound(id: string): string
  cancelled(id: string): string
  nothingToRate: string
  /** A score for a ticket done longer ago than the rating period (`days` working days). */
  ratingExpired(id: string, days: number): string
  ratingRange: string
  alreadyRated(id: string, score: number): string
  /**
   * Thanks for a rating; a 差评 is followed up within `followUpDays`; mid-dialog the pending question comes next;
   * `commented`: a comment came with the score (不满意 太慢了) and was kept too.
   */
  rated(score: number, bad: boolean, followUpDays: number, midDialog: boolean, commented?: boolean, which?: string): string
  commentNoted(midDialog: boolean): string
  commentSkipped: string
  noneReturned: string
  /** Several tickets wait for materials and the reply did not say which: each (`lines`: · id item：what to add), and how to say it. */
  severalReturned(lines: string[], exampleItem: string, midDialog?: boolean): string
  /** 补齐 passed on to the agent; mid-dialog the pending question comes next. */
  resumed(id: string, midDialog?: boolean): string
  /**
   * After the walk took 照片拍好了 as its own paper while a ticket waits for materials: how to say it was for the
   * ticket instead: `ticket` when the reply tells which, else 补齐 and `example` (an item, applicant or number).
   */
  returnedHint(example: string, ticket?: TicketFacts): string
  /**
   * What the resident tried on ticket `id` (取消, 补齐, 评价 …) was refused: not theirs or not found, or not from its
   * status (取消 once it is claimed). The standard words are the service's own (agents read the same).
   */
  refused(id: string, r: RefusalFacts): string
  actFailed: string
  /**
   * A wish to stop (不办了, 取消, 撤回) with one ticket still waiting for an agent: it is named, kept, and withdrawn
   * only on 确认取消 (CONFIRM_CANCEL in resident.ts).
   */
  cancelAsk(t: Pick<TicketFacts, 'id' | 'itemName'>): string
  /**
   * 取消, 撤回, 不办了 with no ticket open and no dialog under way: nothing to withdraw, and what to do instead;
   * `hadSome`: the resident has had tickets (我的工单 shows them).
   */
  nothingToCancel(hadSome: boolean): string
  /**
   * 不办了 in the middle of another item: the dialog's 先不办了 was about that item; the earlier request `t` (the
   * newest open; `more`: there are others) is still open, and how to withdraw it (`waiting`: 取消 works, else whom to tell).
   */
  stillOpen(t: Pick<TicketFacts, 'id' | 'itemName'>, waiting: boolean, more: boolean): string
  /** 不, 不取消 said to cancelAsk's question: the ticket is kept. */
  cancelKept(t: Pick<TicketFacts, 'id' | 'itemName'>): string
  /** 不要, 不用 said to it (keep it, or not want it?): the ticket is kept, said so, with how to withdraw it after all. */
  cancelKeptUnclear(t: Pick<TicketFacts, 'id' | 'itemName'>): string
  /** 不, 都不取消 said to cancelWhich's list: none of the `count` requests is withdrawn. */
  cancelKeptAll(count: number): string
  /** The same with several waiting (`lines`: 1. id item): which one, by its number in the list, its item or 取消 ID. */
  cancelWhich(lines: string[], exampleId: string): string
  /** The same when none waits but one is being handled (claimed, returned): whom to tell instead. */
  cannotCancel(t: Pick<TicketFacts, 'id' | 'itemName'>): string
  /** 返回, 确认 or a number where the dialog stands at a submitted request the resident has since cancelled. */
  cancelledBefore(t: Pick<TicketFacts, 'id' | 'itemName'>): string
  /** Thanks (谢谢, 麻烦你们了, 俺等信儿) with a ticket under way: welcome, and what stands with it (`status`: as status() says). */
  thanksOpen(t: Pick<TicketFacts, 'id' | 'itemName'>, status: string): string
  /** Notifications: `item` is 工单号（事项）. */
  claimed(item: string, agentName: string, agentPhone: string): string
  started(item: string): string
  returned(item: string, note: string, id: string): string
  /** Done: what the agent said, and how the result comes back (`collect`). */
  done(item: string, note: string | undefined, collect: ResultCollection): string
  escalated(item: string, point: string): string
  followedUp(item: string, note: string): string
  /**
   * Asked when a ticket is done. The scores end it one per line, 1 to 5, so that the web chat shows them as buttons
   * (it takes a list of numbers counting up from 1 at the end of a reply).
   */
  /** The rating question after 办结, open for `days` working days. */
  ratingPrompt(days: number): string
}

/** A refusal as the resident's side gets it: the lifecycle's (with what was tried and the status then), or not found. */
export type RefusalFacts = Pick<Refusal, 'code' | 'message' | 'action' | 'status'> | { code: 'not_found'; message: string }

const SCORES = [1, 2, 3, 4, 5] as const

export const STANDARD_WORDS: ResidentWords = {
  earlierOpen: (t, waiting) =>
    `另外，您之前为同一件事提交的 ${t.id}（${t.help}）还在办。` +
    (waiting ? `不需要了可以回复：取消 ${t.id}` : `不需要了请回复"查询 ${t.id}"看代办员电话，打电话说一声。`),
  alreadyOpen: (t, status, returned) =>
    `这件事您已经申请过代办了：工单 ${t.id}（${t.itemName}），现在${status}，不用重复提交。` +
    (returned ? `材料准备好了，请回复：补齐 ${t.id} 已准备好` : `查进度请回复：查询 ${t.id}`),
  opened: (t, point, deadline) =>
    `已为您提交代办申请，工单号 ${t.id}（请记下，查询时要用）。\n` +
    `事项：${t.itemName}（${t.help}）\n负责：${point}\n` +
    `承诺时限：${deadline}。代办员接单后会通知您。\n` +
    `查进度请回复：查询 ${t.id}；接单前不需要了可回复：取消 ${t.id}`,
  deadline: (day) => (day === undefined ? '以窗口告知为准' : `${day}前办结`),
  status: (status) => (status === '待领办' ? '待领办（等工作人员接单）' : status),
  listNone: '您还没有代办工单。需要代办时，先告诉我要办什么事。',
  list: (lines, more, newestId) =>
    `您的代办工单：\n${lines.join('\n')}${more ? '\n（只列出最近 10 件）' : ''}\n看详情请回复"查询"加工单号，比如：查询 ${newestId}`,
  detail: (t, d) =>
    [
      `工单 ${t.id}：${t.itemName}（${t.help}）`,
      `状态：${d.status}`,
      `提交时间：${d.createdAt}`,
      ...(d.deadline !== undefined ? [`承诺时限：${d.deadline}`] : []),
      ...(d.last !== undefined ? [`最近进展：${d.last}`] : []),
      ...(d.waiting ? [`还没有人接单时可以取消，回复：取消 ${t.id}`] : []),
      ...(d.returned ? [`准备好后请回复：补齐 ${t.id} 加说明`] : []),
    ].join('\n'),
  statusLine: (status, agent, reason) => `${status}${agent ? `，${agent}` : ''}${reason ? `，需要补充：${reason}` : ''}`,
  notFound: (id) => `没有找到您的工单 ${id}，请核对工单号。`,
  cancelled: (id) => `工单 ${id} 已取消。需要时可以重新申请。`,
  nothingToRate: '您现在没有可以评价的工单：代办工单办结后才能评价。查工单请回复"我的工单"。',
  ratingRange: `评价请回复 1 到 5 的数字，比如：评价 5。${[...SCORES].reverse().map((s) => `${s} ${RATING_LABELS[s]}`).join('，')}。`,
  alreadyRated: (id, score) => `工单 ${id} 已经评价过了（${score} ${RATING_LABELS[score]}），谢谢您！`,
  ratingExpired: (id, days) => `工单 ${id} 办结已超过 ${days} 个工作日，评价时间已过。有意见可以打 12345 热线反映。`,
  rated: (score, bad, days, mid, commented, which) =>
    [
      `谢谢您${which ? `对工单 ${which}` : ''}的评价（${score} ${RATING_LABELS[score]}）！`,
      commented ? '您的意见也记下了。' : '',
      bad ? `很抱歉这次没让您满意，督办人员会在 ${days} 个工作日内回访您。` : '',
      // Mid-dialog the next reply answers the dialog's question: a comment is said with 意见 in front.
      mid
        ? `${bad && !commented ? '有意见可以回复"意见"加上您的话，比如：意见 跑了好几趟。' : ''}请接着回答上面的问题。`
        : commented ? '' : '还有什么意见或建议，可以直接回复；没有请回复"无"。',
    ].join(''),
  commentNoted: (mid) => `您的意见已记下，谢谢！${mid ? '请接着回答上面的问题。' : ''}`,
  commentSkipped: '好的，谢谢您！',
  noneReturned: '您没有等待补充材料的工单。',
  severalReturned: (lines, item, mid) =>
    `您有 ${lines.length} 个工单在等补充材料：\n${lines.join('\n')}\n补好了哪一件，请回复"补齐"加事项名、申请人或工单号，比如：补齐 ${item}` +
    (mid ? '\n不是说这个的话，请接着回答上面的问题。' : ''),
  resumed: (id, mid) => `收到，已告诉代办员，工单 ${id} 继续办理。${mid ? '请接着回答上面的问题。' : ''}`,
  returnedHint: (example, t) =>
    t
      ? `要是说的是代办工单 ${t.id}（${t.itemName}）要补的材料，请回复：补齐 ${t.id}`
      : `要是说的是代办工单要补的材料，请回复"补齐"加事项名、申请人或工单号，比如：补齐 ${example}`,
  refused: (_id, r) => r.message,
  cancelAsk: (t) =>
    `您的代办申请 ${t.id}（${t.itemName}）还在等工作人员接单，现在还没有取消。\n` +
    `确定不办了，请回复"确认取消"（回"是"也行）；还要办的话，回复"不"或者不用回复。`,
  nothingToCancel: (had) =>
    `您现在没有要取消的代办申请。${had ? '查以前的申请，请回复"我的工单"。' : ''}有别的事，请直接告诉我要办什么，比如：低保怎么申请`,
  stillOpen: (t, waiting, more) =>
    `您之前的代办申请 ${t.id}（${t.itemName}）${more ? '等' : ''}还在办，没有取消。` +
    (waiting ? `要取消它，请回复：取消 ${t.id}` : `要取消它，请回复"查询 ${t.id}"看代办员的电话，打电话跟他说一声。`),
  cancelKept: (t) => `好的，不取消。您的代办申请 ${t.id}（${t.itemName}）照常办理，工作人员接单后会通知您。`,
  cancelKeptUnclear: (t) =>
    `好的，先不取消。您的代办申请 ${t.id}（${t.itemName}）还在办理中，工作人员接单后会通知您。\n` +
    `要是不想办了，请回复"确认取消"。`,
  cancelKeptAll: (n) => `好的，都不取消。您的 ${n} 件代办申请还在办理中，工作人员接单后会通知您。`,
  cancelWhich: (lines, id) =>
    `您有 ${lines.length} 件代办申请还在等工作人员接单：\n${lines.join('\n')}\n要取消哪一件，请回复它的编号（比如 1）或事项名，也可以回复"取消"加工单号，比如：取消 ${id}`,
  cannotCancel: (t) =>
    `您的代办申请 ${t.id}（${t.itemName}）已经有代办员接单了，这里取消不了。不想办了，请回复"查询 ${t.id}"看代办员的电话，打电话跟他说一声。`,
  cancelledBefore: (t) => `工单 ${t.id}（${t.itemName}）已经取消了，不用再确认。想重新申请代办，请直接说要办什么事。`,
  thanksOpen: (t, status) => `不客气！您的代办申请 ${t.id}（${t.itemName}）现在${status}，有进展会通知您。`,
  actFailed: '操作没有成功，请稍后再试。',
  claimed: (item, name, phone) => `您的代办工单 ${item}已由代办员 ${name}（${phone}）接单，会尽快和您联系。`,
  started: (item) => `您的代办工单 ${item}开始办理了。`,
  returned: (item, note, id) => `您的代办工单 ${item}需要您补充：${note}\n准备好后请回复：补齐 ${id} 加说明，如"补齐 ${id} 已准备好"。`,
  done: (item, note, c) =>
    `您的代办工单 ${item}已办结。` +
    // The agent's note says how it went (已送到家里); without one, how the result comes back.
    (note ? `\n说明：${note}` : '\n' + (c.kind === 'mail'
      ? '结果会邮寄到您留的地址。'
      : c.kind === 'door'
        ? `代办员${c.agent ? ` ${c.agent.name}（${c.agent.phone}）` : ''}会把结果送到家里。`
        : `结果请到${c.point}领取，带上身份证${c.agent ? `；去之前可以先打电话问代办员 ${c.agent.name}（${c.agent.phone}）` : ''}。`)),
  escalated: (item, point) => `您的代办工单 ${item}还没有人接单，已转${point}督办，请稍候。`,
  followedUp: (item, note) => `关于您对工单 ${item}的评价，督办已回访：${note}\n谢谢您的意见。`,
  ratingPrompt,
}

/** How each status reads in 长者模式. */
const ELDER_STATUS: Readonly<Record<TicketStatus, string>> = {
  待领办: '等人接',
  已领办: '有人接了',
  办理中: '正在办',
  已退回: '要您补东西',
  已办结: '办好了',
  已取消: '取消了',
}

export const ELDER_WORDS: ResidentWords = {
  earlierOpen: (t, waiting) =>
    `还有，您以前为这件事交的 ${t.id}（${t.help}）也还在办。` +
    (waiting ? `不要了就回：取消 ${t.id}` : `不要了就回"查询 ${t.id}"，给办事的人打个电话。`),
  alreadyOpen: (t, status, returned) =>
    `这件事您已经找人代办了：工单 ${t.id}（${t.itemName}），现在${status}，不用再交一遍。` +
    (returned ? `东西准备好了，回：补齐 ${t.id} 准备好了` : `想问办到哪了，回"查询 ${t.id}"。`),
  opened: (t, point, deadline) =>
    `交上去了。工单号 ${t.id}，请记下来，问的时候要用。\n` +
    `办的事：${t.itemName}（${t.help}）\n谁来办：${point}\n` +
    `多久办好：${deadline}。有人接了会告诉您。\n` +
    `想问办到哪了，回"查询 ${t.id}"；还没人接时不要了，回"取消 ${t.id}"`,
  deadline: (day) => (day === undefined ? '到窗口问，打电话也行' : `${day}前办好`),
  status: (status) => ELDER_STATUS[status],
  listNone: '您还没有找人代办的事。想找人帮您办，先说说要办什么事。',
  list: (lines, more, newestId) =>
    `您找人代办的事：\n${lines.join('\n')}${more ? '\n（只说了最近 10 件）' : ''}\n想看哪件，回"查询"加工单号，比如：查询 ${newestId}`,
  detail: (t, d) =>
    [
      `工单 ${t.id}：${t.itemName}（${t.help}）`,
      `现在：${d.status}`,
      `交的时间：${d.createdAt}`,
      ...(d.deadline !== undefined ? [`多久办好：${d.deadline}`] : []),
      ...(d.last !== undefined ? [`最近：${d.last}`] : []),
      ...(d.waiting ? [`还没人接，不要了就回：取消 ${t.id}`] : []),
      ...(d.returned ? [`东西准备好了，回：补齐 ${t.id} 准备好了`] : []),
    ].join('\n'),
  statusLine: (status, agent, reason) => `${status}${agent ? `，${agent}` : ''}${reason ? `：${reason}` : ''}`,
  notFound: (id) => `没找到您的工单 ${id}，请看看号码对不对。`,
  cancelled: (id) => `工单 ${id} 取消了。想办了再来找我。`,
  nothingToRate: '现在没有能打分的事：找人代办的事办好了才能打分。想看办到哪了，回"我的工单"。',
  ratingRange: `打分请回 1 到 5，比如：评价 5。${[...SCORES].reverse().map((s) => `${s} ${RATING_LABELS[s]}`).join('，')}。`,
  alreadyRated: (id, score) => `工单 ${id} 您打过分了（${score} ${RATING_LABELS[score]}），谢谢您！`,
  ratingExpired: (id, days) => `工单 ${id} 办好超过 ${days} 个工作日了，过了打分的时候。有意见可以打 12345 说。`,
  rated: (score, bad, days, mid, commented, which) =>
    [
      `谢谢您${which ? `给 ${which} ` : ''}打分（${score} ${RATING_LABELS[score]}）！`,
      commented ? '您说的也记下了。' : '',
      bad ? `没让您满意，对不起。${days} 个工作日内会有人打电话问您。` : '',
      mid
        ? `${bad && !commented ? '有意见就回"意见"再说，比如：意见 跑了好几趟。' : ''}请接着回上面的问题。`
        : commented ? '' : '还有啥意见，直接说；没有就回"无"。',
    ].join(''),
  commentNoted: (mid) => `您说的记下了，谢谢！${mid ? '请接着回上面的问题。' : ''}`,
  commentSkipped: '好，谢谢您！',
  noneReturned: '您没有要补东西的工单。',
  severalReturned: (lines, item, mid) =>
    `您有 ${lines.length} 件事要补东西：\n${lines.join('\n')}\n补好了哪件，回"补齐"加办的事、人名或工单号，比如：补齐 ${item}` +
    (mid ? '\n不是说这个，就接着回上面的问题。' : ''),
  resumed: (id, mid) => `收到，告诉办事的人了，工单 ${id} 接着办。${mid ? '请接着回上面的问题。' : ''}`,
  returnedHint: (example, t) =>
    t
      ? `要是说的是找人代办的 ${t.id}（${t.itemName}）要补的东西，回"补齐 ${t.id}"就行。`
      : `要是说的是找人代办的事要补的东西，回"补齐"加办的事、人名或工单号，比如：补齐 ${example}`,
  refused: elderRefusal,
  cancelAsk: (t) => `您找人代办的 ${t.id}（${t.itemName}）还没人接，还没取消。\n真不办了，就回"是"或"确认取消"；还要办，回"不"就行。`,
  nothingToCancel: (had) => `您现在没有要取消的代办申请。${had ? '想看以前交的，回"我的工单"。' : ''}有事就直接告诉我要办什么，比如：低保`,
  stillOpen: (t, waiting, more) =>
    `您前面找人代办的 ${t.id}（${t.itemName}）${more ? '等' : ''}还在办，没取消。` +
    (waiting ? `那件也不要了，就回：取消 ${t.id}` : `那件也不要了，回"查询 ${t.id}"看是谁在办，打电话跟他说一声。`),
  cancelKept: (t) => `好，不取消。您找人代办的 ${t.id}（${t.itemName}）接着办，有人接了会告诉您。`,
  cancelKeptUnclear: (t) => `好，先不取消。您找人代办的 ${t.id}（${t.itemName}）还在办，有人接了会告诉您。\n真不要了，就回"确认取消"。`,
  cancelKeptAll: (n) => `好，都不取消。您找人代办的 ${n} 件事接着办，有人接了会告诉您。`,
  cancelWhich: (lines, id) => `您有 ${lines.length} 件找人代办的事还没人接：\n${lines.join('\n')}\n不要哪件，就回它前面的数字，比如 1；也可以回"取消"加工单号，比如：取消 ${id}`,
  cannotCancel: (t) => `您找人代办的 ${t.id}（${t.itemName}）已经有人在办了，这里取消不了。不想办了，回"查询 ${t.id}"看是谁在办，打电话跟他说一声。`,
  cancelledBefore: (t) => `工单 ${t.id}（${t.itemName}）已经取消了。想重新申请找人办，说说要办什么事就行。`,
  thanksOpen: (t, status) => `不客气！您找人代办的 ${t.id}（${t.itemName}）现在${status}，有信儿了会告诉您。`,
  actFailed: '没办成，请过一会再试。',
  claimed: (item, name, phone) => `您的事 ${item}有人接了：${name}，电话 ${phone}，会打电话找您。`,
  started: (item) => `您的事 ${item}开始办了。`,
  returned: (item, note, id) => `您的事 ${item}还要您补：${note}\n准备好了，回"补齐 ${id} 准备好了"。`,
  done: (item, note, c) =>
    `您的事 ${item}办好了。` +
    (note ? `\n办事的人说：${note}` : '\n' + (c.kind === 'mail'
      ? '东西会寄到您家。'
      : c.kind === 'door'
        ? `办事的人${c.agent ? ` ${c.agent.name}（${c.agent.phone}）` : ''}会送到您家。`
        : `东西到${c.point}去拿，带上身份证${c.agent ? `；去之前可以先打电话问 ${c.agent.name}（${c.agent.phone}）` : ''}。`)),
  escalated: (item, point) => `您的事 ${item}还没人接，已经交给${point}去催，请再等等。`,
  followedUp: (item, note) => `您给工单 ${item}打的分，管事的人回复了：${note}\n谢谢您。`,
  ratingPrompt: (days) =>
    `请给这次办事打个分：回"评价"加数字，比如：评价 5，有意见接着写，比如：评价 2 跑了两趟（${days} 个工作日内有效；没在问别的事时，只回数字也行）。\n` +
    SCORES.map((s) => `${s} ${RATING_LABELS[s]}`).join('\n'),
}

/**
 * A refusal in 长者模式's words: the status as the resident reads it (有人接了, not 已领办), and what to do instead (to
 * cancel a ticket someone has taken, call them: 查询 shows who).
 */
function elderRefusal(id: string, r: RefusalFacts): string {
  // Not found, or someone else's ticket: the same to the resident (whose it is is not theirs to know).
  if (r.code === 'not_found' || r.code === 'forbidden') return ELDER_WORDS.notFound(id)
  const status = 'status' in r ? r.status : undefined
  const action = 'action' in r ? r.action : undefined
  if (r.code === 'bad_status' && status !== undefined) {
    if (action === 'cancel') {
      if (status === '已取消') return `工单 ${id} 已经取消了。`
      if (status === '已办结') return `工单 ${id} 已经办好了，不用取消了。`
      return `工单 ${id} 已经有人在办了，这里取消不了。不想办了，回"查询 ${id}"看是谁在办，打电话跟他说一声。`
    }
    if (action === 'resume') return `工单 ${id} 现在${ELDER_STATUS[status]}，不用补东西。`
    if (action === 'rate' || action === 'comment') return `工单 ${id} 现在${ELDER_STATUS[status]}，办好了才能打分。`
    return `工单 ${id} 现在${ELDER_STATUS[status]}，这一步办不了。`
  }
  // invalid: the residents' invalid steps are a rating given twice (the score itself is checked before it is sent)
  // and a comment after the comment was closed.
  if (action === 'rate') return `工单 ${id} 您打过分了，谢谢您！`
  if (action === 'comment') return `工单 ${id} 的意见已经收到了，谢谢您！`
  return ELDER_WORDS.actFailed
}

/** The words for a resident who chose 长者模式 (`elder`) or not. */
export function residentWords(elder: boolean | undefined): ResidentWords {
  return elder === true ? ELDER_WORDS : STANDARD_WORDS
}
