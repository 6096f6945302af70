import type { ApiResponse } from '../http/ApiResponse.ts';
import { xmlDocument, type XmlValue } from './xml.ts';

/** Open311 answers in the format its path ends in: .json or .xml. */
export type Open311Format = 'json' | 'xml';
export const OPEN311_FORMATS: readonly Open311Format[] = ['json', 'xml'];

export const XML_TYPE = 'text/xml; charset=utf-8';

/** The format a path (or a path parameter such as "r01.xml") names; undefined when it names none. */
export function formatOf(path: string): Open311Format | undefined {
  const m = /\.(json|xml)$/.exec(path);
  return m ? (m[1] as Open311Format) : undefined;
}

/** An Open311 list answer: a JSON array, or <root><item>…</item></root>. */
export function open311List(status: number, format: Open311Format, root: string, item: string, entries: Record<string, XmlValue>[]): ApiResponse {
  if (format === 'json') return { status, body: entries };
  return { status, body: xmlDocument(root, item, entries, (list) => (list === 'keywords' ? 'keyword' : list === 'formats' ? 'format' : 'item')), contentType: XML_TYPE };
}
