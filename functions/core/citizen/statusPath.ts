/** Where a reporter's own status page is, under the public page's origin (the key after # never reaches a server log). */
export function statusPath(caseId: string, statusKey: string): string {
  return `/report/status.html?case=${encodeURIComponent(caseId)}#${statusKey}`;
}
