/** Latency loops and summaries: bounded by time and by count, after a warm-up. */

export type Sample = { latencies: Float64Array; count: number; seconds: number; errors: number };
export type Summary = { p50: number; p95: number; p99: number; rps: number; count: number; errors: number };

export type LoopOptions = {
  /** Milliseconds of warm-up (not recorded). */
  warmupMs: number;
  /** Milliseconds of measurement. */
  durationMs: number;
  /** Upper bound on recorded operations. */
  maxCount: number;
  /** Parallel callers. */
  concurrency: number;
};

/**
 * Runs `op` from `concurrency` callers until the time or count bound is reached, recording
 * each call's latency. `op(i)` gets a running index; it throws (or rejects) on failure.
 */
export async function loop(op: (i: number) => Promise<void>, o: LoopOptions): Promise<Sample> {
  let i = 0;
  const phase = async (ms: number, record: Float64Array | null, max: number) => {
    const deadline = performance.now() + ms;
    let n = 0;
    let errors = 0;
    let firstError: unknown = null;
    const worker = async () => {
      while (n < max && performance.now() < deadline) {
        const slot = n++;
        const t = performance.now();
        try {
          await op(i++);
        } catch (e) {
          errors++;
          firstError ??= e;
          if (errors > 20 && errors > slot / 10) throw e; // mostly failing: stop and report
        }
        if (record) record[slot] = performance.now() - t;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    if (errors && record) console.error(`  ${errors} errors; first: ${String(firstError)}`);
    return { count: Math.min(n, max), seconds: (performance.now() - started) / 1000, errors };
  };
  await phase(o.warmupMs, null, Number.MAX_SAFE_INTEGER);
  const record = new Float64Array(o.maxCount);
  const r = await phase(o.durationMs, record, o.maxCount);
  return { latencies: record.subarray(0, r.count), count: r.count, seconds: r.seconds, errors: r.errors };
}

export function summarise(s: Sample): Summary {
  const sorted = Float64Array.from(s.latencies).sort();
  const q = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
  return {
    p50: round(q(0.5)),
    p95: round(q(0.95)),
    p99: round(q(0.99)),
    rps: round(s.count / s.seconds, 1),
    count: s.count,
    errors: s.errors,
  };
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
