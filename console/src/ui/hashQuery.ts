/** The query part of the hash route (#/log?stream=x), as search params. */
export function hashQuery(): URLSearchParams {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}
