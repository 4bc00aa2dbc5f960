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
  [['不太满意', '不满意', '不咋样', '不怎么样', '不太好', '不好'], 2],
  [['基本满意', '马马虎虎', '还可以', '过得去', '一般般', '一般', '还行', '凑合'], 3],
  [['挺不错', '满意', '挺好', '很好', '不错'], 4],
  [['非常满意', '很满意', '特别满意', '十分满意', '太满意', '非常好', '特别好', '太好了'], 5],
]
const WORD_SCORE = new Map(WORDS.flatMap(([words, score]) => words.map((w) => [w, score] as const)))
/** Longest first, so that 不满意 is not read as 满意 with a 不 before it. */
const WORD_ALTERNATIVES = [...WORD_SCORE.keys()].sort((a, b) => b.length - a.length).join('|')
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 }
/** Particles a spoken reply ends with (挺好的, 还行吧, 很满意啊). */
const PARTICLES = '[的啊呀吧哈啦了呢嘛]*'
// Words first: 一般 is not the score 一 with 般 after it.
const SCORE = new RegExp(`^(?:(${WORD_ALTERNATIVES})${PARTICLES}|([1-5一二两三四五])(?:分|星|颗星)?)`)

/**
 * A score from a whole reply ("5", "５分", "五星", "非常满意", "挺好的"); undefined when the reply is something
 * else, so a new question is never taken for a rating.
 */
export function parseRating(text: string): number | undefined {
  const r = parseRatingReply(text)
  return r && r.comment === undefined ? r.score : undefined
}

/**
 * A score said first, with or without a comment after it: "不满意 太慢了", "2 跑了三趟", "挺好的，谢谢" (the comment
 * is what follows, as typed). Undefined when the reply does not start with a score.
 */
export function parseRatingReply(text: string): { score: number; comment?: string } | undefined {
  const t = text.normalize('NFKC').trim().replace(/^[①②③④⑤]/, (c) => String('①②③④⑤'.indexOf(c) + 1))
  const m = SCORE.exec(t.replace(/\s+/g, ' '))
  if (!m) return undefined
  const score = m[2] ? (DIGITS[m[2]] ?? Number(m[2])) : WORD_SCORE.get(m[1]!)!
  const rest = t.replace(/\s+/g, ' ').slice(m[0].length)
  const comment = rest.replace(/^[\s。！!.,，、~～:：]+/, '').trim()
  if (comment === '') return { score }
  // Run on without a pause, only a long score word starts a comment (不满意太慢了): 不好意思, 满意吗, 25, 1号 are not scores.
  const paused = comment.length < rest.length
  return paused || (m[1] !== undefined && m[1].length >= 3) ? { score, comment } : undefined
}
