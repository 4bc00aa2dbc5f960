/**
 * The applicant's name as residents say it at the 代办 form's name step: in a sentence saying for whom (给俺爹办 他叫
 * 张德福, 张德福是俺爹, 俺娘的名字是王桂兰), or not at all: themselves (本人, 俺自己), a relative without the name
 * (俺是给俺娘办的), a place pointed at (本村). Pure; the step (form-answers.ts) says the hints.
 */
import { pointsAtVillage } from './area.js'

/** A relative or someone near, as residents name them (俺爹, 给俺娘办). */
const KIN =
  '(?:老爹|老娘|爹|娘|爸爸|妈妈|爸|妈|父亲|母亲|老父亲|老母亲|老伴儿?|爷爷|奶奶|姥姥|姥爷|外公|外婆|公公|婆婆|丈夫|老公|对象|媳妇|老婆|儿子|闺女|女儿|孙子|孙女|外孙女?|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|大爷|大娘|叔叔|婶婶|叔|婶|舅舅|舅|姑姑|姑|姨|岳父|岳母|老丈人|丈母娘|孩子)'
/** A relative's word alone, so no name. */
const ONLY_KIN = new RegExp(`^${KIN}$`, 'u')
/** Whose: 俺, 我, 咱 (家, 的). */
const MY = '(?:[俺我咱](?:们)?(?:家)?(?:的)?)'
/** A name as typed in a sentence: two to four characters. */
const NAME = '([\\p{Script=Han}·]{2,4})'

/** For whom, with no name: 给俺娘办的, 俺是给俺娘办的, 替俺爹申请, 俺娘, 是俺爹. */
const FOR_WHOM = new RegExp(`^(?:[俺我咱](?:这|就)?是)?(?:给|替|帮|是)?${MY}?(${KIN}|老人)(?:办|申请|代办|弄)?(?:的|哈|呢|啊)?$`, 'u')
/** Names said with who they are: 他叫X, 俺娘的名字是X, 名字叫X. */
const CALLED_IS = new RegExp(`^(?:[他她]|${MY}?${KIN}|老人)?(?:的)?(?:名字|姓名|大名)?(?:叫|是)[\\s:：]*${NAME}$`, 'u')
/** X是俺爹, X就是俺娘. */
const IS_KIN = new RegExp(`^${NAME}(?:就)?是${MY}?${KIN}$`, 'u')
/** 俺爹张德福 (the name checked by looksLikeName: 俺爹姓张, 俺娘今年八十 say something else of them). */
const KIN_NAME = new RegExp(`^${MY}${KIN}${NAME}$`, 'u')
/** 俺爹姓张, 俺娘今年八十, 俺爹80岁了: a relative with something said of them (a name or not). */
const KIN_SAID = new RegExp(`^${MY}(${KIN})(.+)$`, 'u')

/**
 * Words no name is made of, that say something of a person instead: 姓张, 今年八十, 80岁, 身体不好, 腿脚不行, 住院了.
 * Numbers of ten and more (八十, 七十多) are ages; 张三 is still a name.
 */
const NOT_NAME_WORDS = /姓|今年|年纪|岁|[0-9０-９十百]|身体|腿脚|生病|有病|住院|瘫|去世|已经|不|没|了|的|呢|吧|啊|吗|在/u

/** Whether words said after a relative (俺爹张德福) look like a name: two to four Han characters, no phrase (姓张, 今年八十). */
function looksLikeName(words: string): boolean {
  return /^[\p{Script=Han}·]{2,4}$/u.test(words) && !NOT_NAME_WORDS.test(words)
}

/** A part saying only for whom: 给俺娘办的, or 俺爹姓张 (the relative, with no name said); the relative, or undefined. */
function forWhomOnly(part: string): string | undefined {
  const kin = FOR_WHOM.exec(part)?.[1]
  if (kin !== undefined) return kin
  // 俺娘的名字是王桂兰 says the name.
  if (CALLED_IS.test(part) || IS_KIN.test(part)) return undefined
  const said = KIN_SAID.exec(part)
  return said !== null && !looksLikeName(said[2]!) ? said[1] : undefined
}

/** Themselves, no name: 本人, 俺自己, 我本人, 就是我, 给自己办. */
const SELF = /^(?:[俺我咱]?(?:就|这)?是)?(?:给|替)?[俺我咱]?(?:自己|自个儿?|本人)(?:办|申请|的)*$|^(?:就)?是?[俺我](?:的)?$/u

/**
 * A surname with a way of addressing someone (王大爷, 李奶奶, 王老汉, 刘大娘, 李老师, 老王, 小李): how the person is
 * called, not the full name the 委托书 needs.
 */
const ADDRESSED =
  /^(?:\p{Script=Han}(?:大爷|大娘|大妈|大婶|大叔|大伯|大哥|大姐|大嫂|奶奶|爷爷|姥姥|姥爷|老汉|老头儿?|老太太?|老太婆|老婆婆|老爷子|老人家?|婶子|嫂子|阿姨|师傅|老师|先生|女士|同志|主任|书记|会计|大夫|医生|叔|婶|姨|伯|嫂)|[老小]\p{Script=Han})$/u

/** Whether a word taken for a name is how someone is addressed (王大爷, 老王), not a full name. */
export function isAddressed(name: string): boolean {
  return ADDRESSED.test(name.replace(/\s+/g, ''))
}

/** What a reply at the name step says instead of a name; undefined when it may be one. */
export type NotAName = { self: true } | { who: string } | { place: string } | { addressed: string }

/** Parts of a reply: split where residents pause (给俺爹办 他叫张德福). */
function parts(raw: string): string[] {
  return raw
    .normalize('NFKC')
    .trim()
    .split(/[\s,，。.!！;；、()（）]+/u)
    .filter((p) => p !== '')
}

/**
 * The name a sentence gives (给俺爹办 他叫张德福 → 张德福, 张德福是俺爹 → 张德福), or the reply as typed when it is not
 * such a sentence (a name, 王 秀英, 张秀英 138…, or something else the step refuses).
 */
export function nameInSentence(raw: string): string {
  const all = parts(raw)
  // 王秀兰（俺娘）, 张建国（本人）, 俺自己 张建国: the parts saying for whom, or oneself, are not the name.
  const rest = all.filter((p) => forWhomOnly(p) === undefined && !SELF.test(p))
  // Only for-whom parts: no name in it (see notAName).
  if (rest.length === 0) return raw
  const found = rest.flatMap((p) => {
    const kinName = KIN_NAME.exec(p)?.[1]
    const m = CALLED_IS.exec(p)?.[1] ?? IS_KIN.exec(p)?.[1] ?? (kinName !== undefined && looksLikeName(kinName) ? kinName : undefined)
    return m !== undefined ? [m] : []
  })
  if (found.length === 1 && rest.length === 1) return found[0]!
  // 王富贵 俺爹 已经没了, 王富贵 腿脚不好: the name first, then what is said of the person (已经, 不, 了 …), no part of it.
  const [first, ...after] = rest
  if (first !== undefined && after.length > 0 && looksLikeName(first) && after.every((p) => !looksLikeName(p) && /\p{Script=Han}/u.test(p) && NOT_NAME_WORDS.test(p))) return first
  // 俺爹 张德福: the part saying for whom dropped, the other is the name.
  return rest.length < all.length ? rest.join(' ') : raw
}

/** Whether a word taken for a name is none: a relative (老伴), oneself (本人), a place pointed at (本村). */
export function isNoName(name: string): boolean {
  return ONLY_KIN.test(name) || /自己|自个|本人/.test(name) || pointsAtVillage(name)
}

/** What the reply says instead of a name: oneself (本人, 俺自己), for whom without the name (俺是给俺娘办的), a place (本村). */
export function notAName(raw: string): NotAName | undefined {
  const all = parts(raw)
  const compact = all.join('')
  if (compact === '') return undefined
  if (pointsAtVillage(compact)) return { place: compact }
  if (SELF.test(compact)) return { self: true }
  // 老伴, 老娘: kin (whose name is then asked for), before 老王-like forms of address.
  const kin = all.every((p) => forWhomOnly(p) !== undefined) ? all.map(forWhomOnly).find((k) => k !== undefined) : undefined
  if (kin !== undefined) return { who: kin === '老人' ? kin : `您${kin}` }
  if (isAddressed(compact)) return { addressed: compact }
  return undefined
}
