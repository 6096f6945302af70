import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../../functions/handlers/api/routeTable.ts';

/** Where the checked-in OpenAPI document lives; a test keeps it equal to the generated one. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

/** The document as it is checked in: two-space JSON with a final newline. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(OPENAPI_FILE, openApiText(), 'utf8');
  console.log(`wrote ${OPENAPI_FILE}`);
}
