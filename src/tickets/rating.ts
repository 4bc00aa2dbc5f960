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
 * The question sent when a ticket is done. The scores end it one per line, 1 to 5, so that the web chat shows
 * them as buttons (it takes a list of numbers counting up from 1 at the end of a reply).
 */
export const RATING_PROMPT =
  '请为这次代办服务打分：回复"评价"加分数，比如：评价 5（随时有效；没有在办别的事时，也可以只回数字）。\n' +
  ([1, 2, 3, 4, 5] as const).map((score) => `${score} ${RATING_LABELS[score]}`).join('\n')

/** Whether a score is a 差评 that needs a 回访. */
export function isBadRating(score: number): boolean {
  return score <= 2
}

const WORDS: [RegExp, number][] = [
  [/^(非常不满意|很不满意|特别不满意)$/, 1],
  [/^(不满意|不太满意)$/, 2],
  [/^(基本满意|一般|还行|还可以)$/, 3],
  [/^(满意|挺好|好)$/, 4],
  [/^(非常满意|很满意|特别满意|十分满意)$/, 5],
]
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 }

/**
 * A score from a whole reply ("5", "５分", "五星", "非常满意"); undefined when the reply is something else,
 * so a new question is never taken for a rating.
 */
export function parseRating(text: string): number | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[\s。！!.,，~～]/g, '')
    .replace(/^[①②③④⑤]$/, (c) => String('①②③④⑤'.indexOf(c) + 1))
  const num = /^([1-5一二两三四五])(分|星|颗星)?$/.exec(t)
  if (num?.[1]) return DIGITS[num[1]] ?? Number(num[1])
  for (const [re, score] of WORDS) if (re.test(t)) return score
  return undefined
}
