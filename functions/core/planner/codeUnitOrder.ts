/**
 * Orders strings by UTF-16 code units: the same on every machine and many times faster than
 * localeCompare, which goes through ICU (at 50,000 roads sorting by localeCompare took seconds).
 */
export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
