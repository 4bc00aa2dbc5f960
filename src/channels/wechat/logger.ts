/** The part of a pino logger the WeChat channel uses (a pino Logger fits). */
export interface ChannelLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}
