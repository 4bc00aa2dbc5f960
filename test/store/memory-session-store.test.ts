import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'

describe('MemorySessionStore', () => {
  it('drops expired sessions on its own, even when nobody asks for them again', async () => {
    const store = new MemorySessionStore({ sweepIntervalMs: 50 })
    try {
      await store.set('wxid_gone', { step: '已离开' }, 0.1)
      await store.set('wxid_stays', { step: '办理中' }, 60)
      expect(store.size).toBe(2)
      await sleep(250)
      expect(store.size).toBe(1)
      expect(await store.get('wxid_stays')).toEqual({ step: '办理中' })
    } finally {
      await store.close()
    }
  })
})
