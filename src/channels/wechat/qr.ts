/**
 * The login QR code for the terminal. The `qrcode` package (installed with wechaty, through file-box) draws
 * it with block characters; when it cannot be loaded, the link to Wechaty's QR image page is still printed.
 */
import { qrcodeValueToImageUrl } from 'wechaty'

interface QrcodeModule {
  toString(text: string, options: { type: 'terminal'; small?: boolean }): Promise<string>
}

/** A web page that shows the QR code, for when the terminal cannot (or the log is read elsewhere). */
export function loginQrLink(value: string): string {
  return qrcodeValueToImageUrl(value)
}

/** The text to print for a login QR code: the drawn code when possible, and always a link that shows it. */
export async function renderLoginQr(value: string): Promise<string> {
  const link = loginQrLink(value)
  const drawn = await drawQr(value)
  const lines = ['请用作为机器人的微信扫码登录：']
  if (drawn) lines.push(drawn)
  lines.push(`看不清二维码时，请在浏览器打开：${link}`, '')
  return lines.join('\n')
}

async function drawQr(value: string): Promise<string | undefined> {
  try {
    // Not a direct dependency of ours: a variable specifier keeps tsc from requiring its types.
    const specifier = 'qrcode'
    const mod = (await import(specifier)) as { default?: QrcodeModule } & Partial<QrcodeModule>
    const qrcode = mod.default ?? (mod as QrcodeModule)
    return await qrcode.toString(value, { type: 'terminal', small: true })
  } catch {
    return undefined
  }
}
