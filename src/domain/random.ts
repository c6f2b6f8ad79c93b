/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the simulations
 * need (normal, gamma, Poisson). Domain code never calls Math.random: simulations and
 * demo data take a generator, so a seed gives the same result on every machine; the
 * forecast and the benchmarks' sales-history generator share these draws.
 */

/** A function returning numbers in [0, 1). */
export type Random = () => number;

/** A deterministic generator for a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(rand: Random): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 by the usual power trick). */
export function gamma(rand: Random, shape: number): number {
  // Huge shapes: the normal limit (Marsaglia–Tsang's acceptance test loses all precision).
  if (shape > 1e6) return Math.max(0, shape + Math.sqrt(shape) * normal(rand));
  if (shape < 1) return gamma(rand, shape + 1) * (1 - rand()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rand);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - rand();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Poisson(λ) draw: multiplication for small λ, a rounded normal for large. */
export function poisson(rand: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 200) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rand)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}
