/** Removes the table's key attributes (and the write id of the last conditional write) from an item, leaving the domain record. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _d1, gsi2sk: _d2, expiresAt: _e, writeId: _w, ...rest } = item;
  return rest as T;
}
