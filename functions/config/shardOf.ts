/**
 * Which of `shards` partitions a stable key (a task id, a crew, a road) goes to: FNV-1a over its UTF-16 code
 * units, so the same key lands in the same shard in every process and every version of the code.
 */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
