/**
 * Outgoing webhook notifier: plain JSON, or the 企业微信 group-robot text message
 * `{"msgtype":"text","text":{"content":…}}`. Phone and ID numbers in the text are masked, so are full names it gives, and the payload
 * names no resident: webhooks end up in group chats and logs.
 */
import { maskNotificationText } from '../mask.js'
import type { Notifier } from '../ports.js'
import type { Notification } from '../types.js'

export type WebhookFormat = 'json' | 'wecom'

export interface WebhookOptions {
  url: string
  format: WebhookFormat
  timeoutMs?: number
  /** For tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch
}

/** The request body for a notification (pure). */
export function webhookPayload(n: Notification, format: WebhookFormat): Record<string, unknown> {
  const text = maskNotificationText(n)
  if (format === 'wecom') {
    const mention = n.to.kind === 'agent' ? { mentioned_list: [n.to.wechat] } : {}
    return { msgtype: 'text', text: { content: text, ...mention } }
  }
  const to = n.to.kind === 'agent' ? { kind: 'agent', agentId: n.to.agentId, role: n.to.role } : { kind: 'resident', channel: n.to.resident.channel }
  return { id: n.id, event: n.event, ticketId: n.ticketId, at: new Date(n.at).toISOString(), to, text }
}

export function createWebhookNotifier(opts: WebhookOptions): Notifier {
  const doFetch = opts.fetch ?? fetch
  return {
    async send(n) {
      const res = await doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookPayload(n, opts.format)),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
      })
      if (!res.ok) throw new Error(`webhook HTTP ${res.status}`)
      if (opts.format === 'wecom') {
        // The robot answers 200 with errcode ≠ 0 when it refuses (bad key, rate limit).
        const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string }
        if (body.errcode !== undefined && body.errcode !== 0) throw new Error(`企业微信机器人拒收：${body.errcode} ${body.errmsg ?? ''}`)
      }
    },
  }
}
