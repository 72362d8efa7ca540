/**
 * Count, mean, variance (Welford), min and max of numbers, mergeable across partitions (Spark's StatCounter).
 */
export class StatCounter {
  count = 0;
  mean = 0;
  m2 = 0;
  max = -Infinity;
  min = Infinity;

  static from(json: { count: number; mean: number; m2: number; max: number; min: number }): StatCounter {
    return Object.assign(new StatCounter(), json);
  }

  merge(x: number): this {
    if (typeof x !== 'number') throw new TypeError(`stats: expected numbers, got ${typeof x} (${String(x).slice(0, 40)})`);
    const delta = x - this.mean;
    this.count++;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x > this.max) this.max = x;
    if (x < this.min) this.min = x;
    return this;
  }

  mergeStats(o: StatCounter): this {
    if (o.count === 0) return this;
    if (this.count === 0) return Object.assign(this, o.toJSON());
    const delta = o.mean - this.mean;
    const n = this.count + o.count;
    this.mean += (delta * o.count) / n;
    this.m2 += o.m2 + (delta * delta * this.count * o.count) / n;
    this.count = n;
    this.max = Math.max(this.max, o.max);
    this.min = Math.min(this.min, o.min);
    return this;
  }

  get sum(): number {
    return this.mean * this.count;
  }
  /** Population variance, as Spark's `variance()`. */
  get variance(): number {
    return this.count === 0 ? NaN : this.m2 / this.count;
  }
  get sampleVariance(): number {
    return this.count <= 1 ? NaN : this.m2 / (this.count - 1);
  }
  get stdev(): number {
    return Math.sqrt(this.variance);
  }
  get sampleStdev(): number {
    return Math.sqrt(this.sampleVariance);
  }

  toJSON() {
    return { count: this.count, mean: this.mean, m2: this.m2, max: this.max, min: this.min };
  }

  toString(): string {
    return `(count: ${this.count}, mean: ${this.mean}, stdev: ${this.stdev}, max: ${this.max}, min: ${this.min})`;
  }
}
