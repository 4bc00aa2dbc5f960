/**
 * What an admin changes in dialogs/ takes effect without code: a reworded prompt, and an extra confirmation
 * step before the 代办 request is submitted.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadDialogsFromFiles } from '../../src/dialog/load.js'
import { joined, newChat } from './support.js'

function dialogsWith(edit: (flow: string) => string) {
  const files = ['flow.yaml', 'vocabulary.yaml', 'messages.yaml'].map((n) => {
    const text = readFileSync(`dialogs/${n}`, 'utf8')
    return { path: `dialogs/${n}`, text: n === 'flow.yaml' ? edit(text) : text }
  })
  const result = loadDialogsFromFiles(files)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.definitions
}

describe('an admin editing dialogs/flow.yaml', () => {
  it('rewords a prompt', async () => {
    const definitions = dialogsWith((f) => f.replace('您要办的是：{item.name}，对吗？', '请确认：您是要办"{item.name}"吧？'))
    const chat = await newChat({ definitions })
    // A question the matcher is sure of but not clear about: the reworded 对吗 step is asked.
    expect(await chat.say('低保咋办')).toEqual(['请确认：您是要办"最低生活保障申请"吧？\n回复 1 对，2 不对'])
  })

  it('adds a confirmation step before the request is submitted', async () => {
    const definitions = dialogsWith((f) =>
      f
        .replace('do: openTicket, go: ticket_done }', 'go: confirm_submit }')
        .replace(
          '  ticket_done:',
          [
            '  confirm_submit:',
            '    prompt: 提交后工作人员会打电话联系您，确定提交吗？',
            '    options:',
            '      - { label: 确定, answer: yes, do: openTicket, go: ticket_done }',
            '      - { label: 再看看, answer: no, go: proxy_summary }',
            '',
            '  ticket_done:',
          ].join('\n'),
        ),
    )
    const chat = await newChat({ definitions })
    // The exact name is a clear question: the walk starts at once, no 对吗 to confirm.
    await chat.say('长者食堂助餐补贴申请')
    for (const answer of ['全部列出', '3', '张秀英', '13812345678', '大店一村', '不是', '1']) await chat.say(answer)
    expect(joined(await chat.say('确认提交'))).toBe('提交后工作人员会打电话联系您，确定提交吗？\n回复 1 确定，2 再看看')
    expect(chat.effects.some((e) => e.type === 'openTicket')).toBe(false)
    expect(joined(await chat.say('好的'))).toContain('您的代办申请已记录')
    expect(chat.effects.filter((e) => e.type === 'openTicket')).toHaveLength(1)
  })
})
