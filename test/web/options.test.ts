import { describe, expect, it } from 'vitest'
import { parseOptions, splitOptions } from '../../src/channels/web/static/options.js'

describe('parseOptions(reply)', () => {
  it('reads one option per line, as the dialog lists long options', () => {
    expect(parseOptions('您打算怎么办？\n请回复编号：\n1 自己办理\n2 申请代办（工作人员帮您办）')).toEqual([
      { n: 1, label: '自己办理' },
      { n: 2, label: '申请代办（工作人员帮您办）' },
    ])
  })

  it('reads the inline form 回复 1 有，2 没有', () => {
    expect(parseOptions('是否已准备好：居民身份证原件（原件1份）？\n回复 1 有，2 没有')).toEqual([
      { n: 1, label: '有' },
      { n: 2, label: '没有' },
    ])
    expect(parseOptions('您要办的是：残疾人证办理，对吗？\n回复 1 对，2 不对')).toHaveLength(2)
    expect(parseOptions('抱歉，没找到。\n回复 1 转人工')).toEqual([{ n: 1, label: '转人工' }])
    // 长者模式's wording.
    expect(splitOptions('您有身份证吗？（要原件1份）\n请回数字：1 有，2 没有')).toEqual({
      body: '您有身份证吗？（要原件1份）',
      tail: '请回数字：1 有，2 没有',
      choices: [{ n: 1, label: '有' }, { n: 2, label: '没有' }],
    })
  })

  it('accepts 1. 1、 1） and ① numbering', () => {
    const expected = [
      { n: 1, label: '代办' },
      { n: 2, label: '帮办' },
    ]
    expect(parseOptions('请选：\n1. 代办\n2. 帮办')).toEqual(expected)
    expect(parseOptions('请选：\n1、代办\n2、帮办')).toEqual(expected)
    expect(parseOptions('请选：\n1）代办\n2）帮办')).toEqual(expected)
    expect(parseOptions('请选：\n①代办\n② 帮办')).toEqual(expected)
    expect(parseOptions('请选：\n1．代办\n2．帮办\n\n')).toEqual(expected)
  })

  it('keeps a menu whose numbers skip one the item does not offer (help kinds keep 4 for 特办)', () => {
    expect(parseOptions('您想要哪种帮助？\n1 帮办\n2 代办\n4 特办')).toEqual([
      { n: 1, label: '帮办' }, { n: 2, label: '代办' }, { n: 4, label: '特办' },
    ])
  })

  it('finds nothing where there is no list at the end', () => {
    expect(parseOptions('您好！请直接说您要办什么事，比如：低保怎么申请')).toEqual([])
    expect(parseOptions('一次性告知单\n1 身份证\n2 户口簿\n以上材料请带原件。')).toEqual([])
    expect(parseOptions('好的。办"低保"要准备的材料，我们一项一项核对（回复"全部列出"可以直接看清单）。')).toEqual([])
    expect(parseOptions('')).toEqual([])
  })

  it('ignores numbers that do not rise from 1 in small steps', () => {
    expect(parseOptions('办理时间：\n2026 年\n12 月')).toEqual([])
    expect(parseOptions('请回复：\n1 有\n6 没有')).toEqual([])
    expect(parseOptions('请回复：\n2 有\n3 没有')).toEqual([])
    expect(parseOptions('承诺时限：\n20 个工作日')).toEqual([])
  })
})

describe('splitOptions(reply)', () => {
  it('cuts a reply where its choices begin, so that the body and the choices read as the whole reply', () => {
    const list = '您打算怎么办？\n请回复编号：\n1 自己办理\n2 申请代办'
    expect(splitOptions(list)).toMatchObject({ body: '您打算怎么办？\n请回复编号：', tail: '1 自己办理\n2 申请代办' })
    const inline = '是否已准备好：身份证？\n回复 1 有，2 没有'
    expect(splitOptions(inline)).toMatchObject({ body: '是否已准备好：身份证？', tail: '回复 1 有，2 没有' })
    for (const reply of [list, inline]) {
      const { body, tail } = splitOptions(reply)
      expect(`${body}\n${tail}`).toBe(reply)
    }
    expect(splitOptions('承诺时限：\n20 个工作日')).toEqual({ body: '承诺时限：\n20 个工作日', tail: '', choices: [] })
  })
})

describe('a hint line after the choices', () => {
  it('keeps the choices as buttons (也可以直接打字问别的事 after 回复 1 有，2 没有), the hint shown after them', () => {
    const text = '没看明白您的意思。\n是否已准备好：申请人居民身份证\n回复 1 有，2 没有\n也可以直接打字问别的事，比如：残疾人证怎么办'
    const split = splitOptions(text)
    expect(split.choices).toEqual([
      { n: 1, label: '有' },
      { n: 2, label: '没有' },
    ])
    expect(split.after).toBe('也可以直接打字问别的事，比如：残疾人证怎么办')
    expect(splitOptions('请回数字：1 有，2 没有\n想问别的事，直接打字说，比如：残疾证').choices).toHaveLength(2)
  })

  it('does not make buttons of a list followed by some other line', () => {
    expect(parseOptions('材料：\n1 身份证\n2 户口本\n请带齐原件')).toEqual([])
    expect(parseOptions('也可以直接打字问别的事')).toEqual([])
  })
})
