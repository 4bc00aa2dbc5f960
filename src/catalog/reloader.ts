/**
 * Serves the catalogue and picks up admins' edits without a restart. An invalid edit never replaces the
 * catalogue in use: its errors are logged and shown in status() until a valid version loads.
 *
 * Edits are found by polling the files' sizes and mtimes rather than fs.watch: editors that save by
 * rename, network drives and containers all break fs.watch in different ways, and a few dozen stat calls
 * every two seconds cost nothing. pollFiles is shared with the service network's reloader
 * (src/tickets/network-reloader.ts).
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
  /** Warnings of the version serving (sample data left in, a question that decides nothing …), as the checker prints them. */
  warnings: string[]
  /** Errors of the latest attempt; empty once a valid version has loaded again. */
  lastErrors: SourceError[]
  lastErrorAt?: Date
  /** When the files were last read (after an edit, or a reload asked for), valid or not. */
  checkedAt: Date
  /** When errors were last cleared by a valid version: the admin sees their fix was taken. */
  fixedAt?: Date
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
  const seen = await fingerprint(dir)
  const first = await loadCatalogDir(dir)
  if (!first.ok) {
    throw new Error([`目录 ${dir} 有 ${first.errors.length} 处错误，无法启动：`, ...first.errors.map(formatSourceError)].join('\n'))
  }
  let catalog = first.catalog
  let loadedAt = new Date()
  let lastErrors: SourceError[] = []
  let lastErrorAt: Date | undefined
  let checkedAt = new Date()
  let fixedAt: Date | undefined
  let warnings = first.warnings
  const listeners = new Set<(catalog: Catalog) => void | Promise<void>>()
  logLoaded('目录已加载', first.warnings)

  function logLoaded(msg: string, warnings: string[]): void {
    logger.info({ dir, version: catalog.version, items: catalog.items.length }, msg)
    if (warnings.length > 0) logger.warn({ dir, warnings }, `目录有 ${warnings.length} 条提醒`)
  }

  async function load(): Promise<{ ok: boolean; errors: SourceError[] }> {
    const result = await loadCatalogDir(dir)
    checkedAt = new Date()
    if (!result.ok) {
      lastErrors = result.errors
      lastErrorAt = new Date()
      logger.warn(
        { dir, errors: result.errors.map(formatSourceError) },
        `目录有 ${result.errors.length} 处错误，继续使用版本 ${catalog.version}`,
      )
      return { ok: false, errors: result.errors }
    }
    const recovered = lastErrors.length > 0
    lastErrors = []
    if (recovered) fixedAt = checkedAt
    // Also when the items are as before: a file the catalogue ignores changes only its warnings.
    warnings = result.warnings
    if (result.catalog.version === catalog.version) {
      // A bad edit undone: the log's last word on the catalogue should not stay the error.
      if (recovered) logger.info({ dir, version: catalog.version }, `目录错误已改好，继续使用版本 ${catalog.version}`)
      return { ok: true, errors: [] }
    }
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

  const poller = pollFiles({
    fingerprint: () => fingerprint(dir),
    initial: seen,
    intervalMs,
    load,
    onError: (err) => logger.error({ err, dir }, '检查目录变化时出错'),
  })

  return {
    current: () => catalog,
    status: () => ({
      version: catalog.version,
      loadedAt,
      itemCount: catalog.items.length,
      warnings,
      lastErrors,
      ...(lastErrorAt && { lastErrorAt }),
      checkedAt,
      ...(fixedAt && { fixedAt }),
    }),
    reload: () => poller.reload(),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => poller.close(),
  }
}

/** Names, sizes and mtimes of the catalogue files: changes when any file is edited, added or removed. */
function fingerprint(dir: string): Promise<string> {
  return catalogFilePaths(dir).then(fingerprintFiles, () => 'unreadable')
}

/** Names, sizes and mtimes of `paths`: changes when any of them is edited, added or removed. */
export async function fingerprintFiles(paths: readonly string[]): Promise<string> {
  const parts = await Promise.all(
    paths.map(async (p) => {
      const s = await stat(p).catch(() => undefined)
      return s ? `${p}:${s.size}:${s.mtimeMs}` : `${p}:gone`
    }),
  )
  return parts.join('\n')
}

export interface FilePollerOptions<R> {
  /** The state of the watched files (e.g. fingerprintFiles); a load follows when it changes and holds still. */
  fingerprint: () => Promise<string>
  /** The state the first load was made from: taken before it, so an edit saved during that load is still seen. */
  initial: string
  intervalMs: number
  /** Reads and swaps in the new version; never runs twice at once. */
  load: () => Promise<R>
  /** A poll that failed (load() is expected to report its own errors). */
  onError: (err: unknown) => void
}

export interface FilePoller<R> {
  /** Loads now, after any load in progress (an admin's 重新加载); the next poll does not repeat it. */
  reload(): Promise<R>
  /** Stops polling. */
  close(): void
}

/**
 * Polls `fingerprint` every `intervalMs` on an unref'd timer and calls `load` once a change has held still:
 * what the catalogue reloader and the service network's reloader (src/tickets/network-reloader.ts) share.
 */
export function pollFiles<R>({ fingerprint: state, initial, intervalMs, load, onError }: FilePollerOptions<R>): FilePoller<R> {
  let seen = initial
  // One load at a time: a manual reload and a poll never interleave their reads.
  let queue: Promise<unknown> = Promise.resolve()
  function enqueue(): Promise<R> {
    const run = queue.then(load, load)
    queue = run.catch(() => undefined)
    return run
  }

  let closed = false
  let timer: NodeJS.Timeout | undefined
  const settleMs = Math.min(250, intervalMs)

  async function poll(): Promise<void> {
    const now = await state()
    if (now === seen) return
    // An editor saving a file may leave it missing or half written for a moment: wait until it holds still.
    await delay(settleMs)
    if (closed || (await state()) !== now) return
    seen = now
    await enqueue()
  }

  function schedule(): void {
    if (closed) return
    timer = setTimeout(() => {
      poll()
        .catch(onError)
        .finally(schedule)
    }, intervalMs)
    timer.unref()
  }
  schedule()

  return {
    async reload() {
      seen = await state()
      return enqueue()
    },
    close() {
      closed = true
      clearTimeout(timer)
    },
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
