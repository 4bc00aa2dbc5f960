/** The q-quantile (0…1) of timings in milliseconds, rounded to microseconds; 0 for no timings. */
export function quantileMs(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const v = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
  return Math.round(v * 1000) / 1000
}
