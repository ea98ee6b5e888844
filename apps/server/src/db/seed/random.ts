/**
 * A small, fast, seeded PRNG (sfc32, seeded through splitmix32) and helpers for the demo
 * data generator. Everything the seed produces derives from these streams and from faker
 * instances seeded the same way, so one seed always yields the same rows and ids.
 */

/** splitmix32: spreads a small integer seed into well-mixed 32-bit words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export type Rng = {
  /** Uniform 32-bit unsigned integer. */
  u32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random (version 4 layout) UUID drawn from this stream: reproducible per seed. */
  uuid(): string;
  /** `n` random decimal digits. */
  digits(n: number): string;
};

const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Derives independent sub-streams: rng(seed, 'contacts') and rng(seed, 'accounts') never overlap in use. */
export function createRng(seed: number, stream = ''): Rng {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  const mix = splitmix32(h ^ Math.imul(seed | 0, 0x27d4eb2d));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = () => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  const int = (n: number) => Math.floor(next() * n);
  const byte4 = (w: number) =>
    hex[w >>> 24]! + hex[(w >>> 16) & 255]! + hex[(w >>> 8) & 255]! + hex[w & 255]!;
  return {
    u32,
    next,
    int,
    range: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
    uuid() {
      const w0 = u32();
      const w1 = ((u32() & 0xffff0fff) | 0x00004000) >>> 0; // version 4
      const w2 = ((u32() & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
      const w3 = u32();
      const s1 = byte4(w1);
      const s2 = byte4(w2);
      return `${byte4(w0)}-${s1.slice(0, 4)}-${s1.slice(4)}-${s2.slice(0, 4)}-${s2.slice(4)}${byte4(w3)}`;
    },
    digits(n) {
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCharCode(48 + int(10));
      return s;
    },
  };
}

/** Picks an index by cumulative weights (binary search); `cum` is increasing, last = total. */
export function pickWeighted(cum: Float64Array, r: number): number {
  const target = r * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}
