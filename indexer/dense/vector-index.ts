/**
 * hnswlib-node behind a small interface: cosine space, ever-growing labels we assign, deletions
 * by mark (their memory is reused by later points), persisted as one file next to the manifest.
 */
import { existsSync, renameSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { IndexError } from '../index-errors.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export class VectorIndex {
  private constructor(
    private readonly hnsw: Hnsw,
    readonly dims: number,
    /** Points not marked deleted (hnswlib's own count includes deleted ones). */
    private live: number,
  ) {}

  static create(dims: number, capacity: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dims);
    hnsw.initIndex(capacity, 16, 200, 100, true);
    hnsw.setEf(64);
    return new VectorIndex(hnsw, dims, 0);
  }

  /** `live`: how many points the manifest lists. */
  static read(file: string, dims: number, live: number): VectorIndex {
    if (!existsSync(file)) throw new IndexError('index_missing', file);
    const hnsw = new HierarchicalNSW('cosine', dims);
    try {
      hnsw.readIndexSync(file, true);
    } catch (error) {
      throw new IndexError('index_corrupt', `${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    hnsw.setEf(64);
    return new VectorIndex(hnsw, dims, live);
  }

  get capacity(): number {
    return this.hnsw.getMaxElements();
  }

  get count(): number {
    return this.live;
  }

  resize(capacity: number): void {
    if (capacity > this.capacity) this.hnsw.resizeIndex(capacity);
  }

  add(label: number, vector: number[]): void {
    if (vector.length !== this.dims) throw new IndexError('index_dims_mismatch', `vector of ${vector.length}, index of ${this.dims}`);
    // Labels only grow; the memory of deleted points is reused (replaceDeleted).
    if (this.live >= this.capacity) this.hnsw.resizeIndex(Math.ceil(this.capacity * 1.5) + 16);
    this.hnsw.addPoint(vector, label, true);
    this.live += 1;
  }

  remove(label: number): void {
    try {
      this.hnsw.markDelete(label);
      this.live -= 1;
    } catch {
      /* already deleted */
    }
  }

  /** Nearest labels with cosine similarity (1 − distance), best first. */
  search(vector: number[], k: number): Array<{ label: number; similarity: number }> {
    const live = this.count;
    if (live === 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(vector, Math.min(k, live));
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  write(file: string): void {
    this.hnsw.writeIndexSync(`${file}.tmp`);
    renameSync(`${file}.tmp`, file);
  }
}
