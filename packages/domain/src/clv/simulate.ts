// Seeded simulation of the BG/NBD and Pareto/NBD generative processes, for recovery tests and what-if demos.
import type { BgNbdParams } from './bgnbd.ts';
import type { ParetoNbdParams } from './pnbd.ts';

export type Random = () => number;

/** Deterministic PRNG (mulberry32) in [0, 1): the same seed gives the same customers everywhere. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

// (0, 1]: keeps log() finite.
const uniformOpen = (random: Random): number => 1 - random();

const standardNormal = (random: Random): number =>
  Math.sqrt(-2 * Math.log(uniformOpen(random))) * Math.cos(2 * Math.PI * random());

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000), boosted by U^(1/shape) when shape < 1. */
export const sampleGamma = (random: Random, shape: number): number => {
  if (shape < 1) return sampleGamma(random, shape + 1) * uniformOpen(random) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = uniformOpen(random);
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
};

export const sampleBeta = (random: Random, a: number, b: number): number => {
  const x = sampleGamma(random, a);
  return x / (x + sampleGamma(random, b));
};

export type SimulatedCustomer = { x: number; tx: number; T: number; lambda: number; p: number };

/**
 * One customer observed for T units after the first purchase: λ ~ Gamma(r, rate α), p ~ Beta(a, b);
 * purchases arrive at rate λ and after each repeat purchase the customer drops out with probability p.
 */
export const simulateBgNbdCustomer = (random: Random, params: BgNbdParams, T: number): SimulatedCustomer => {
  const lambda = sampleGamma(random, params.r) / params.alpha;
  const p = sampleBeta(random, params.a, params.b);
  let t = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    t += -Math.log(uniformOpen(random)) / lambda;
    if (t > T) break;
    x++;
    tx = t;
    if (random() < p) break;
  }
  return { x, tx, T, lambda, p };
};

/** n customers with observation lengths drawn uniformly from [minT, maxT]. */
export const simulateBgNbd = (
  params: BgNbdParams,
  n: number,
  options: { seed: number; minT: number; maxT: number },
): SimulatedCustomer[] => {
  const random = seededRandom(options.seed);
  const customers: SimulatedCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const T = options.minT + (options.maxT - options.minT) * random();
    customers.push(simulateBgNbdCustomer(random, params, T));
  }
  return customers;
};

export type SimulatedParetoNbdCustomer = {
  x: number;
  tx: number;
  T: number;
  lambda: number;
  mu: number;
  lifetime: number;
};

/**
 * One Pareto/NBD customer observed for T units: λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β), an
 * exponential lifetime with rate μ, and Poisson purchases at rate λ while alive.
 */
export const simulateParetoNbdCustomer = (
  random: Random,
  params: ParetoNbdParams,
  T: number,
): SimulatedParetoNbdCustomer => {
  const lambda = sampleGamma(random, params.r) / params.alpha;
  const mu = sampleGamma(random, params.s) / params.beta;
  const lifetime = -Math.log(uniformOpen(random)) / mu;
  const end = Math.min(lifetime, T);
  let t = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    t += -Math.log(uniformOpen(random)) / lambda;
    if (t > end) break;
    x++;
    tx = t;
  }
  return { x, tx, T, lambda, mu, lifetime };
};

/** n Pareto/NBD customers with observation lengths drawn uniformly from [minT, maxT]. */
export const simulateParetoNbd = (
  params: ParetoNbdParams,
  n: number,
  options: { seed: number; minT: number; maxT: number },
): SimulatedParetoNbdCustomer[] => {
  const random = seededRandom(options.seed);
  const customers: SimulatedParetoNbdCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const T = options.minT + (options.maxT - options.minT) * random();
    customers.push(simulateParetoNbdCustomer(random, params, T));
  }
  return customers;
};
