/**
 * catalog/network.yaml and catalog/holidays.yaml kept current without a restart, like the catalogue
 * (src/catalog/reloader.ts, whose polling this shares): the two files are polled, checked with loadNetwork
 * against the catalogue's current service points, and a valid version replaces network and calendar together
 * in one assignment. An invalid edit is logged (file:line field：message) and kept in status() while the
 * previous version goes on serving.
 *
 * The files are also checked again when the catalogue's service points change (a new catalogue version), so
 * an admin may add a service point and its agents in either order, and the network's points stay the ones
 * the catalogue uses.
 *
 * Readers see a swap through liveTicketEnv(): its `network` and `calendar` are read from the reloader at each
 * use. Tickets already open keep their routing (nodeId); an agent removed from the file no longer authenticates.
 */
import { join } from 'node:path'
import type { ServicePoint } from '../catalog/types.js'
import { fingerprintFiles, pollFiles, type CatalogLogger } from '../catalog/reloader.js'
import { formatSourceError, type SourceError } from '../catalog/yaml-source.js'
import { shanghaiDate, type HolidayCalendar } from './calendar.js'
import { loadNetwork } from './network-file.js'
import type { TicketEnv } from './service.js'
import type { Network } from './types.js'

/** One valid version of the two files: what is swapped in as a whole. */
export interface NetworkVersion {
  network: Network
  calendar: HolidayCalendar
  /** Hash of the two files' text (see loadNetwork). */
  version: string
}

export interface NetworkStatus {
  version: string
  loadedAt: Date
  agentCount: number
  /** Warnings of the version serving (a 代办员 point without supervisor, holidays not covering next year …). */
  warnings: SourceError[]
  /** Errors of the latest attempt; empty once a valid version has loaded again. */
  lastErrors: SourceError[]
  lastErrorAt?: Date
  /** When the files were last read (after an edit, or a reload asked for), valid or not. */
  checkedAt: Date
  /** When errors were last cleared by a valid version: the admin sees their fix was taken. */
  fixedAt?: Date
}

export interface NetworkReloader {
  /** The latest valid network and calendar. */
  current(): NetworkVersion
  status(): NetworkStatus
  /** Re-reads the files now (e.g. from the console); resolves with the errors if they are invalid. */
  reload(): Promise<{ ok: boolean; errors: SourceError[] }>
  /** Stops polling. */
  close(): void
}

export interface NetworkReloaderOptions {
  /** The catalogue folder holding network.yaml and holidays.yaml. */
  dir: string
  /** The catalogue's current service points (the network's nodes); read at each check. */
  points: () => ReadonlyMap<string, ServicePoint>
  intervalMs?: number
  logger?: CatalogLogger
}

export type NetworkReloaderResult = { ok: true; reloader: NetworkReloader } | { ok: false; errors: SourceError[] }

const NETWORK_FILES = ['network.yaml', 'holidays.yaml'] as const

const silent: CatalogLogger = { info() {}, warn() {}, error() {} }

/** Loads the two files and keeps them current; `ok: false` with every error if they are invalid at start. */
export async function createNetworkReloader({
  dir,
  points,
  intervalMs = 2000,
  logger = silent,
}: NetworkReloaderOptions): Promise<NetworkReloaderResult> {
  const paths = NETWORK_FILES.map((name) => join(dir, name))
  // The points' identity is part of the state polled: a new catalogue version means a new Map.
  const pointKeys = new WeakMap<object, number>()
  let pointKeyCount = 0
  const pointsKey = (p: object): number => {
    let key = pointKeys.get(p)
    if (key === undefined) pointKeys.set(p, (key = ++pointKeyCount))
    return key
  }
  const fingerprint = async () => `${await fingerprintFiles(paths)}\npoints:${pointsKey(points())}`

  const seen = await fingerprint()
  let checkedPoints = points()
  // Today's date (Shanghai) decides which years the holidays must cover; read at each load, at the edge.
  const first = await loadNetwork(dir, checkedPoints, shanghaiDate(Date.now()))
  if (!first.ok) return { ok: false, errors: first.errors }
  let live: NetworkVersion = { network: first.network, calendar: first.calendar, version: first.version }
  let loadedAt = new Date()
  let warnings = first.warnings
  let lastErrors: SourceError[] = []
  let lastErrorAt: Date | undefined
  let checkedAt = new Date()
  let fixedAt: Date | undefined
  logger.info({ dir, version: live.version, agents: live.network.agents.length }, `服务网络已加载（${live.network.agents.length} 名代办员）`)
  logWarnings(first.warnings)

  function logWarnings(warnings: SourceError[]): void {
    for (const w of warnings) logger.warn({ dir }, formatSourceError(w))
  }

  async function load(): Promise<{ ok: boolean; errors: SourceError[] }> {
    const pointsNow = points()
    const result = await loadNetwork(dir, pointsNow, shanghaiDate(Date.now()))
    checkedAt = new Date()
    if (!result.ok) {
      lastErrors = result.errors
      lastErrorAt = new Date()
      logger.warn(
        { dir, errors: result.errors.map(formatSourceError) },
        `代办网络或节假日文件有 ${result.errors.length} 处错误，继续使用版本 ${live.version}（${live.network.agents.length} 名代办员）`,
      )
      return { ok: false, errors: result.errors }
    }
    const recovered = lastErrors.length > 0
    lastErrors = []
    if (recovered) fixedAt = checkedAt
    const edited = result.version !== live.version
    if (!edited && pointsNow === checkedPoints) return { ok: true, errors: [] }
    live = { network: result.network, calendar: result.calendar, version: result.version }
    warnings = result.warnings
    checkedPoints = pointsNow
    if (edited || recovered) {
      loadedAt = new Date()
      logger.info({ dir, version: live.version, agents: live.network.agents.length }, `已重新加载服务网络（${live.network.agents.length} 名代办员）`)
      logWarnings(result.warnings)
    }
    return { ok: true, errors: [] }
  }

  const poller = pollFiles({
    fingerprint,
    initial: seen,
    intervalMs,
    load,
    onError: (err) => logger.error({ err, dir }, '检查代办网络文件变化时出错'),
  })

  return {
    ok: true,
    reloader: {
      current: () => live,
      status: () => ({
        version: live.version,
        loadedAt,
        agentCount: live.network.agents.length,
        warnings,
        lastErrors,
        ...(lastErrorAt && { lastErrorAt }),
        checkedAt,
        ...(fixedAt && { fixedAt }),
      }),
      reload: () => poller.reload(),
      close: () => poller.close(),
    },
  }
}

/**
 * A TicketEnv whose `network` and `calendar` are the source's current version, read at each use: routing,
 * time limits, the agents' API, the console and the WeChat agent lookup all see a reload at once. Network and
 * calendar are swapped as one pair. A copy made by spreading (`{ ...env }`) keeps the values of that moment.
 */
export function liveTicketEnv(
  base: Omit<TicketEnv, 'network' | 'calendar'>,
  source: Pick<NetworkReloader, 'current'>,
): TicketEnv {
  return {
    ...base,
    get network() {
      return source.current().network
    },
    get calendar() {
      return source.current().calendar
    },
  }
}
