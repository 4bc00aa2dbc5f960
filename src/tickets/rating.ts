/**
 * 好差评 levels (国办发〔2019〕51号): 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意.
 * 1 and 2 are 差评 and open a 回访.
 */

export const RATING_LABELS: Readonly<Record<number, string>> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
}

/**
 * The question sent when a ticket is done, open for `days` working days (the network's 评价时限). The scores end it
 * one per line, 1 to 5, so that the web chat shows them as buttons (it takes a list of numbers counting up from 1
 * at the end of a reply).
 */
export function ratingPrompt(days: number): string {
  return (
    `请为这次代办服务打分：回复"评价"加分数，比如：评价 5，也可以接着写意见，比如：评价 2 跑了两趟（${days} 个工作日内有效；没有在办别的事时，也可以只回数字）。\n` +
    ([1, 2, 3, 4, 5] as const).map((score) => `${score} ${RATING_LABELS[score]}`).join('\n')
  )
}

/** Whether a score is a 差评 that needs a 回访. */
export function isBadRating(score: number): boolean {
  return score <= 2
}

/**
 * How residents say a score in words, longest first within a level. A bare 好, 行, 中 is not among them: said to the
 * rating question it is as often "OK, noted" as a score.
 */
const WORDS: [string[], number][] = [
  [['非常不满意', '很不满意', '特别不满意', '太不满意', '太差了', '太差', '很差', '差劲'], 1],
  // 差评 (the bad end of 好差评) short of 非常不满意; 好评 and 点赞 its good end.
  [['不太满意', '不满意', '不咋样', '不怎么样', '不太好', '不好', '差评'], 2],
  [['基本满意', '马马虎虎', '还可以', '过得去', '一般般', '一般', '还行', '凑合'], 3],
  [['挺不错', '满意', '挺好', '很好', '不错'], 4],
  [['非常满意', '很满意', '特别满意', '十分满意', '太满意', '非常好', '特别好', '太好了', '好评', '点赞', '点个赞', '给你们点个赞', '给个好评'], 5],
]
const WORD_SCORE = new Map(WORDS.flatMap(([words, score]) => words.map((w) => [w, score] as const)))
/** Longest first, so that 不满意 is not read as 满意 with a 不 before it. */
const WORD_ALTERNATIVES = [...WORD_SCORE.keys()].sort((a, b) => b.length - a.length).join('|')
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 }
/** Particles a spoken reply ends with (挺好的, 还行吧, 很满意啊). */
const PARTICLES = '[的啊呀吧哈啦了呢嘛]*'
// Words first: 一般 is not the score 一 with 般 after it. A unit may follow after a space (5 分), particles after
// the unit (3分吧).
const SCORE = new RegExp(`^(?:(${WORD_ALTERNATIVES})${PARTICLES}|([1-5一二两三四五])(?:(\\s?(?:分|星|颗星))${PARTICLES})?)`)
/** Giving the score in words (给3分吧, 俺给五星, 就打个好评): what follows says it. */
const GIVES = /^(?:我|俺|那)?就?(?:给|打)(?:你们|您|恁|你)?个?/
/** A 满意 word run on after a number with its unit (五星好评, 5分满意): the score said twice, beyond doubt. */
const SAID_AGAIN = /^(?:好评|差评|非常满意|很满意|满意|不满意|非常不满意)/
/** A tag question after a score said with its unit (3分吧 中不中): it asks for nothing but agreement. */
const TAG_QUESTION = /^(?:中不中|行不行|好不好|成不成|可以不|可以吗|行吗|中吗|好吗)[?？。！!~～]*$/

/** A comment that asks something (还可以补办吗, 2 分钟能办完吗): a new question, not a word on the service. */
const ASKS = /[咋啥吗嘛么哪?？]|怎么|什么|如何|多少|多久|几天|能不能|可不可以|要不要|行不行|中不中|想问|问问|请问/

/**
 * After 给 / 打, only a score said as one: a number with its unit (给3分吧), a 满意 or 评 word (打个好评), or a bare
 * number and nothing else (给 5). 给5 个人办, 打3 次电话, 打不好 give or do something else.
 */
function givenScore(rest: string): boolean {
  const m = SCORE.exec(rest)
  if (!m) return false
  if (m[1] !== undefined) return /满意|评|赞/.test(m[1])
  return m[3] !== undefined || rest.slice(m[0].length).trim() === ''
}

/** A score read from the start of a reply. */
export interface RatingReply {
  score: number
  /** What followed the score, as typed (a restated label, 2 不满意, is not a comment). */
  comment?: string
  /**
   * Said as a score beyond doubt: a 满意 word, or a number with its unit (4分, 五星). A bare number or 挺好 could
   * also answer a dialog question.
   */
  explicit: boolean
  /** The comment asks something (还可以补办吗, 满意，我还想问问): without 评价 in front, a new question, not a rating. */
  asks?: boolean
}

/**
 * A score from a whole reply ("5", "５分", "五星", "非常满意", "挺好的"); undefined when the reply is something
 * else, so a new question is never taken for a rating.
 */
export function parseRating(text: string): number | undefined {
  const r = parseRatingReply(text)
  // (A reply that goes on has a comment: whole replies only.)
  return r && r.comment === undefined ? r.score : undefined
}

/**
 * A score said first, with or without a comment after it: "不满意 太慢了", "2 跑了三趟", "挺好的，谢谢" (the comment
 * is what follows, as typed). Undefined when the reply does not start with a score, or goes on to ask something.
 */
export function parseRatingReply(text: string): RatingReply | undefined {
  const typed = text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/^[①②③④⑤]/, (c) => String('①②③④⑤'.indexOf(c) + 1))
  const given = typed.replace(GIVES, '').trimStart()
  const t = given !== typed && givenScore(given) ? given : typed
  const m = SCORE.exec(t)
  if (!m) return undefined
  const word = m[1]
  const score = word === undefined ? (DIGITS[m[2]!] ?? Number(m[2])) : WORD_SCORE.get(word)!
  let explicit = word !== undefined ? /满意|评|赞/.test(word) : m[3] !== undefined
  const rest = t.slice(m[0].length)
  let comment = rest.replace(/^[\s。！!.,，、~～:：]+/, '').trim()
  // 2 不满意, 5 非常满意: the prompt's line copied, the label said again (a score beyond doubt). A full stop (2。) is not.
  if (word === undefined && comment.replace(/[。！!.,，~～\s]+$/u, '') === RATING_LABELS[score]) {
    comment = ''
    explicit = true
  }
  // 3分吧 中不中, 五星 行不行: the score with a tag question after it, asking nothing new.
  if (m[3] !== undefined && TAG_QUESTION.test(comment)) comment = ''
  if (comment === '') return { score, explicit }
  // 5 很满意, 1 差评: a number whose comment says how it was is a score beyond doubt.
  if (word === undefined && /满意|好评|差评/.test(comment)) explicit = true
  // Run on without a pause, only a 满意 word starts a comment (不满意太慢了): 不好意思, 还可以补办, 25, 1号 are not scores.
  const paused = comment.length < rest.length
  const unitThenWord = m[3] !== undefined && SAID_AGAIN.test(comment)
  if (unitThenWord) explicit = true
  if (!paused && !unitThenWord && !(word !== undefined && word.length >= 3 && word.includes('满意'))) return undefined
  return { score, comment, explicit, ...(ASKS.test(comment) && { asks: true }) }
}
