/**
 * Serves the catalogue and picks up admins' edits without a restart. An invalid edit never replaces the
 * catalogue in use: its errors are logged and shown in status() until a valid version loads.
 *
 * Edits are found by polling the files' sizes and mtimes rather than fs.watch: editors that save by
 * rename, network drives and containers all break fs.watch in different ways, and a few dozen stat calls
 * every two seconds cost nothing.
 */
import { stat } from 'node:fs/promises'
import { catalogFilePaths, loadCatalogDir } from './load.js'
import type { Catalog } from './types.js'
import { formatSourceError, type SourceError } from './yaml-source.js'

/** The part of a pino logger we use. */
export interface CatalogLogger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface CatalogStatus {
  version: string
  loadedAt: Date
  itemCount: number
  /** Errors of the latest attempt; empty once a valid version has loaded again. */
  lastErrors: SourceError[]
  lastErrorAt?: Date
}

export interface CatalogReloader {
  /** The latest valid catalogue. */
  current(): Catalog
  status(): CatalogStatus
  /** Re-reads the files now (e.g. from an admin command); resolves with the errors if they are invalid. */
  reload(): Promise<{ ok: boolean; errors: SourceError[] }>
  /** Called after a new valid version is in use; returns an unsubscribe function. */
  onChange(listener: (catalog: Catalog) => void | Promise<void>): () => void
  /** Stops polling. */
  close(): void
}

export interface CatalogReloaderOptions {
  dir: string
  intervalMs?: number
  logger?: CatalogLogger
}

const silent: CatalogLogger = { info() {}, warn() {}, error() {} }

/** Loads the catalogue in `dir` and keeps it current; rejects with every error if the files are invalid at start. */
export async function createCatalogReloader({ dir, intervalMs = 2000, logger = silent }: CatalogReloaderOptions): Promise<CatalogReloader> {
  let seen = await fingerprint(dir)
  const first = await loadCatalogDir(dir)
  if (!first.ok) {
    throw new Error([`目录 ${dir} 有 ${first.errors.length} 处错误，无法启动：`, ...first.errors.map(formatSourceError)].join('\n'))
  }
  let catalog = first.catalog
  let loadedAt = new Date()
  let lastErrors: SourceError[] = []
  let lastErrorAt: Date | undefined
  const listeners = new Set<(catalog: Catalog) => void | Promise<void>>()
  logLoaded('目录已加载', first.warnings)

  function logLoaded(msg: string, warnings: string[]): void {
    logger.info({ dir, version: catalog.version, items: catalog.items.length }, msg)
    if (warnings.length > 0) logger.warn({ dir, warnings }, `目录有 ${warnings.length} 条提醒`)
  }

  async function load(): Promise<{ ok: boolean; errors: SourceError[] }> {
    const result = await loadCatalogDir(dir)
    if (!result.ok) {
      lastErrors = result.errors
      lastErrorAt = new Date()
      logger.warn(
        { dir, errors: result.errors.map(formatSourceError) },
        `目录有 ${result.errors.length} 处错误，继续使用版本 ${catalog.version}`,
      )
      return { ok: false, errors: result.errors }
    }
    lastErrors = []
    if (result.catalog.version === catalog.version) return { ok: true, errors: [] }
    catalog = result.catalog
    loadedAt = new Date()
    logLoaded('目录已更新', result.warnings)
    for (const listener of listeners) notify(listener, catalog)
    return { ok: true, errors: [] }
  }

  function notify(listener: (catalog: Catalog) => void | Promise<void>, value: Catalog): void {
    const fail = (err: unknown) => logger.error({ err }, '目录更新后的通知出错')
    try {
      Promise.resolve(listener(value)).catch(fail)
    } catch (err) {
      fail(err)
    }
  }

  // One load at a time: a manual reload and a poll never interleave their reads.
  let queue: Promise<unknown> = Promise.resolve()
  function enqueue(): Promise<{ ok: boolean; errors: SourceError[] }> {
    const run = queue.then(load, load)
    queue = run.catch(() => undefined)
    return run
  }

  let closed = false
  let timer: NodeJS.Timeout | undefined
  const settleMs = Math.min(250, intervalMs)

  async function poll(): Promise<void> {
    const now = await fingerprint(dir)
    if (now === seen) return
    // An editor saving a file may leave it missing or half written for a moment: wait until it holds still.
    await delay(settleMs)
    if (closed || (await fingerprint(dir)) !== now) return
    seen = now
    await enqueue()
  }

  function schedule(): void {
    if (closed) return
    timer = setTimeout(() => {
      poll()
        .catch((err: unknown) => logger.error({ err, dir }, '检查目录变化时出错'))
        .finally(schedule)
    }, intervalMs)
    timer.unref()
  }
  schedule()

  return {
    current: () => catalog,
    status: () => ({
      version: catalog.version,
      loadedAt,
      itemCount: catalog.items.length,
      lastErrors,
      ...(lastErrorAt && { lastErrorAt }),
    }),
    async reload() {
      seen = await fingerprint(dir)
      return enqueue()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      closed = true
      clearTimeout(timer)
    },
  }
}

/** Names, sizes and mtimes of the catalogue files: changes when any file is edited, added or removed. */
async function fingerprint(dir: string): Promise<string> {
  try {
    const paths = await catalogFilePaths(dir)
    const parts = await Promise.all(
      paths.map(async (p) => {
        const s = await stat(p).catch(() => undefined)
        return s ? `${p}:${s.size}:${s.mtimeMs}` : `${p}:gone`
      }),
    )
    return parts.join('\n')
  } catch {
    return 'unreadable'
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
