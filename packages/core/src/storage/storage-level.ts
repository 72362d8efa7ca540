/**
 * Where cached partitions live (Spark's StorageLevel). Kindling stores every cached block serialized, because a
 * partition may be read by any worker thread; the `_SER` levels are accepted and behave like their plain forms.
 */
export class StorageLevel {
  private constructor(
    readonly name: string,
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly deserialized: boolean,
  ) {}

  static readonly NONE = new StorageLevel('NONE', false, false, false);
  static readonly MEMORY_ONLY = new StorageLevel('MEMORY_ONLY', false, true, true);
  static readonly MEMORY_ONLY_SER = new StorageLevel('MEMORY_ONLY_SER', false, true, false);
  static readonly MEMORY_AND_DISK = new StorageLevel('MEMORY_AND_DISK', true, true, true);
  static readonly MEMORY_AND_DISK_SER = new StorageLevel('MEMORY_AND_DISK_SER', true, true, false);
  static readonly DISK_ONLY = new StorageLevel('DISK_ONLY', true, false, false);

  get isValid(): boolean {
    return this.useDisk || this.useMemory;
  }

  /** As Spark prints it in toDebugString, e.g. "Disk Memory Deserialized 1x Replicated". */
  description(): string {
    if (!this.isValid) return '';
    return `${this.useDisk ? 'Disk ' : ''}${this.useMemory ? 'Memory ' : ''}${this.deserialized ? 'Deserialized' : 'Serialized'} 1x Replicated`;
  }

  toString(): string {
    return this.name;
  }
}
