/**
 * Reading replies: numbers in every form residents type, yes/no words with particles, commands, empty input,
 * and the validators of the 代办 form.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { VocabularyFileSchema } from '../../src/dialog/schema.js'
import { compileVocabulary, maskPhone, mobileInText, mobileNumber, personName, postalAddress, read } from '../../src/dialog/text.js'

const vocab = compileVocabulary(VocabularyFileSchema.parse(parse(readFileSync('dialogs/vocabulary.yaml', 'utf8'))))

describe('read(text)', () => {
  it.each([
    ['2', 2], ['２', 2], ['②', 2], ['二', 2], ['两', 2], ['第2个', 2], ['选2', 2], ['2号', 2], [' 2。', 2], ['10', 10], ['⑩', 10],
  ])('reads %j as the number %i', (text, n) => {
    expect(read(text, vocab).number).toBe(n)
  })

  it.each(['2个人', '12345678901', '二手房', ''])('does not read %j as an option number', (text) => {
    const n = read(text, vocab).number
    expect(n === undefined || n > 100).toBe(true)
  })

  it.each([['-1', -1], ['－1', -1], ['−2', -2], [' - 3 ', -3], ['0.1', 0.1], ['1.5', 1.5]])(
    'reads %j with its sign or point (%d), never as a plain option number',
    (text, n) => {
      expect(read(text, vocab).number).toBe(n)
    },
  )

  it.each(['有', '有的', '有的呢', '是的', '对', '好的', '嗯', '嗯嗯', '可以啊', '中', 'OK', '有！'])('reads %j as yes', (text) => {
    expect(read(text, vocab)).toMatchObject({ yes: true, no: false })
  })

  it.each(['没', '没有', '没有呢', '不是', '不对', '还没', '沒有', '没得'])('reads %j as no', (text) => {
    expect(read(text, vocab)).toMatchObject({ yes: false, no: true })
  })

  it('reads neither yes nor no from a sentence that merely contains the words', () => {
    expect(read('有没有别的办法', vocab)).toMatchObject({ yes: false, no: false })
  })

  it.each([
    ['人工', 'handoff'], ['我要转人工', 'handoff'], ['重新开始', 'restart'], ['返回', 'back'], ['上一步', 'back'],
    ['帮助', 'help'], ['菜单', 'help'], ['我的进度', 'progress'], ['全部列出', 'listAll'], ['全部列出。', 'listAll'],
    ['俺的事办到哪了', 'progress'], ['查看工单', 'progress'], ['长者模式', 'elderOn'], ['说简单点', 'elderOn'], ['普通模式', 'elderOff'],
    ['快点 直接说要啥', 'listAll'], ['都要带啥', 'listAll'],
  ])('reads %j as the command %s', (text, command) => {
    expect(read(text, vocab).command).toBe(command)
  })

  it('does not take a question that contains a command word for the command', () => {
    expect(read('人工授精补贴怎么申请', vocab).command).toBeUndefined()
  })

  it.each(['', '   ', '😀', '[微笑]', '[捂脸][强]', '。。。', '\n\t'])('finds nothing readable in %j', (text) => {
    expect(read(text, vocab).empty).toBe(true)
  })

  it.each(['👍🏻👍🏻', '👌', '✅', '[强]', ' [OK] '])('reads %j, agreement signs alone, as 嗯', (text) => {
    const r = read(text, vocab)
    expect(r.yes).toBe(true)
    expect(r.empty).toBe(false)
  })

  it('reads a yes or no said over and over (有有有, 没有没有) as that yes or no, but not 好好好 as 有', () => {
    expect(read('有有有', vocab).yes).toBe(true)
    expect(read('没有没有', vocab).no).toBe(true)
    expect(read('对对对对', vocab).yes).toBe(true)
    expect(read('好好好', vocab).yes).toBe(false)
  })

  it('recognises greetings and thanks', () => {
    expect(read('你好', vocab).greeting).toBe(true)
    expect(read('谢谢您！', vocab).thanks).toBe(true)
  })

  it('reads thanks and goodbyes said with agreement or 不用了 (好的谢谢 不用了, 行了 知道了) as a goodbye or thanks; each such word alone keeps its meaning', () => {
    for (const text of ['好的谢谢 不用了', '行了 知道了', '谢谢 再见', '好的，谢谢，不用了啊', '算了 谢谢']) expect(read(text, vocab).farewell, text).toBe(true)
    for (const text of ['好的 谢谢', '知道了 谢谢']) expect(read(text, vocab).thanks, text).toBe(true)
    for (const text of ['不用了', '算了', '行了', '好的 知道了', '谢谢 低保怎么办', '不用了 俺自己办']) expect(read(text, vocab).farewell, text).toBe(false)
  })

  it('recognises a bare acknowledgement (确认, 知道了), but not a question that starts with one', () => {
    for (const text of ['确认', '确定。', '确认提交', '知道了呢']) expect(read(text, vocab).ack, text).toBe(true)
    for (const text of ['确认一下低保怎么办', '好的']) expect(read(text, vocab).ack, text).toBe(false)
  })

  it.each([
    ['这是个啥', '这'], ['啥玩意', ''], ['干嘛用的', ''], ['这个是干嘛的', '这个'], ['务工证明是个啥', '务工证明'],
    ['务工证明是啥东西', '务工证明'], ['务工证明是干啥的', '务工证明'], ['证明是干啥用的', '证明'], ['务工证明指的是啥', '务工证明'], ['啥是务工证明', '务工证明'],
  ])('reads %j as asking what a thing is, naming %j', (text, term) => {
    const r = read(text, vocab)
    expect(r.asksWhat).toBe(true)
    expect(r.asksWhatOf).toBe(term)
  })

  it('does not read 这啥时候能办好 as asking what a thing is', () => {
    expect(read('这啥时候能办好', vocab).asksWhat).toBe(false)
  })
})

describe('the 代办 form', () => {
  it('finds the one mobile number in a line that says more (a name, a label), and what is left', () => {
    expect(mobileInText('张秀英 13812345678')).toEqual({ phone: '13812345678', rest: '张秀英  ' })
    expect(mobileInText('手机：+86 138-1234-5678')).toMatchObject({ phone: '13812345678' })
    expect(mobileInText('电话是幺三八五三九一二三四五')).toMatchObject({ phone: '13853912345', rest: '电话是 ' })
    // The same number twice is one; two different ones, or digits of an ID card or a longer run, are none.
    expect(mobileInText('13812345678 王五 13812345678')).toMatchObject({ phone: '13812345678', rest: '  王五  ' })
    for (const none of ['13812345678和13912345678', '身份证371327199001011234', '0539-7211000', '张秀英']) {
      expect(mobileInText(none), none).toBeUndefined()
    }
  })

  it('takes an 11-digit mobile number with spaces, dashes or +86, and nothing else', () => {
    expect(mobileNumber('138 1234 5678')).toBe('13812345678')
    expect(mobileNumber('+86 138-1234-5678')).toBe('13812345678')
    expect(mobileNumber('１３８１２３４５６７８')).toBe('13812345678')
    // Written as said: 一三八…, with 幺 for 1 and 两 for 2, or mixed with digits.
    expect(mobileNumber('一三八五三九一二三四五')).toBe('13853912345')
    expect(mobileNumber('幺三八 两两两两 零零零零')).toBe('13822220000')
    expect(mobileNumber('138五三九12345')).toBe('13853912345')
    expect(mobileNumber('壹叁捌伍叁玖贰柒柒陆壹')).toBe('13853927761')
    for (const bad of ['1381234567', '23812345678', '0539-7211000', '138123456789', '电话13812345678', '一三八五三九一二三四']) {
      expect(mobileNumber(bad), bad).toBeUndefined()
    }
  })

  it('takes a name of 2–20 Han characters (· for minority names) or Latin letters, spaces inside dropped', () => {
    expect(personName('张秀英')).toBe('张秀英')
    expect(personName('阿依古丽·买买提')).toBe('阿依古丽·买买提')
    expect(personName('Li Wei')).toBe('Li Wei')
    expect(personName('李 四')).toBe('李四')
    expect(personName(' 王  秀英 ')).toBe('王秀英')
    expect(personName('阿依古丽 · 买买提')).toBe('阿依古丽·买买提')
    for (const bad of ['张', '123', '张三13812345678', '·张三', '张三·', '张三？', 'Li Wei?', '这是一个非常非常长的名字这是一个非常非常长的名字']) {
      expect(personName(bad, vocab.notName), bad).toBeUndefined()
    }
  })

  it.each(['我是他闺女', '俺不知道咋填', '怎么填', '填谁的名字', '是我', '他叫张三', '张三吗'])(
    'does not take the sentence %j as a name (words from vocabulary.yaml)',
    (text) => {
      expect(personName(text, vocab.notName)).toBeUndefined()
    },
  )

  it('takes an address long enough to deliver to', () => {
    expect(postalAddress('大店镇大店一村3排5号')).toBe('大店镇大店一村3排5号')
    expect(postalAddress('城东')).toBeUndefined()
    expect(postalAddress('x'.repeat(20))).toBeUndefined()
  })

  it('masks a phone number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})
