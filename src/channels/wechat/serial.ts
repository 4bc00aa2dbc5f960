/**
 * One queue per key: work for the same key runs one at a time in arrival order, different keys in parallel.
 * The channel keys by contact, so one resident's replies never interleave or overtake each other.
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<void>>()

  /** Runs `work` after everything queued before it under `key`; a failure does not block the queue. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(work)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }

  /** Resolves when everything queued so far has finished (for a graceful stop). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()])
  }
}
