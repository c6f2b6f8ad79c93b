/**
 * A small seeded pseudo-random generator (mulberry32). Domain code never calls
 * Math.random: simulations and demo data take a generator, so a seed gives the same
 * result on every machine.
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
