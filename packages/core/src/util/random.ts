/**
 * A small seeded PRNG (xoshiro128**) so that sampling gives the same answer on every thread and run for the same
 * seed and partition. Math.random cannot be seeded.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads one seed over the four state words
    let s = seed | 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform double in [0, 1). */
  nextDouble(): number {
    return (this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11)) / 2 ** 53;
  }

  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextDouble() * bound);
  }

  /** Poisson-distributed count with the given mean (Knuth's method for small means, normal approximation above). */
  nextPoisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) {
      const u1 = this.nextDouble() || Number.MIN_VALUE;
      const u2 = this.nextDouble();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
    }
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.nextDouble();
    while (p > limit) {
      k++;
      p *= this.nextDouble();
    }
    return k;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Seed for one partition of a sampling operation: stable, and different per partition. */
export function partitionSeed(seed: number, partitionIndex: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(partitionIndex + 1, 0x85ebca6b)) | 0;
}

/** A random 32-bit seed, for operations called without one (as Spark does). */
export function randomSeed(): number {
  return (Math.random() * 2 ** 32) | 0;
}
