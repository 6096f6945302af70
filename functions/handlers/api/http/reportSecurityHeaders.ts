import { createHash } from 'node:crypto';
import { REPORT_STYLE } from '../../../core/reports/ics214Html.ts';

let headers: Record<string, string> | undefined;

/**
 * Headers for the printable report: a Content-Security-Policy that loads nothing, runs no script and
 * applies only the report's own style (by hash, not 'unsafe-inline'), so text from the registry or a
 * reply that slipped past escaping still cannot act; and no MIME sniffing.
 */
export function reportSecurityHeaders(): Record<string, string> {
  headers ??= {
    'Content-Security-Policy': [
      "default-src 'none'", `style-src 'sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}'`, "img-src data:",
      "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
  };
  return headers;
}
