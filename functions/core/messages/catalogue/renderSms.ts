import type { Language } from '../../registry/Language.ts';
import { fill } from '../fill.ts';
import { smsSegments, type SegmentCount } from '../smsSegments.ts';
import type { TemplateRef } from './CatalogueEntry.ts';
import { catalogueEntry } from './entries.ts';
import { variablesOf } from './templateProblems.ts';

export interface RenderedSms extends SegmentCount {
  /** What the phone shows: the signature, then the template's wording with its values. */
  body: string;
  template: TemplateRef;
}

/** 【signature】: the registered signature every mainland SMS starts with, and which its segments count. */
export function signaturePrefix(signature: string | undefined): string {
  return signature ? `【${signature}】` : '';
}

/**
 * Renders a catalogue template in a language. The signature (the stage's, carried by its SMS sender) is put
 * in front and counted in the segments, as a provider that adds it itself will bill it.
 */
export function renderSms(templateName: string, language: Language, params: Record<string, string | number>, signature?: string): RenderedSms {
  const entry = catalogueEntry(templateName);
  const wording = entry.text[language];
  const values: Record<string, string> = {};
  for (const v of variablesOf(wording)) {
    if (!(v in params)) throw new Error(`SMS template "${templateName}" needs {${v}}`);
    values[v] = String(params[v]);
  }
  const body = signaturePrefix(signature) + fill(wording, values);
  return { body, template: { name: templateName, language, params: values }, ...smsSegments(body) };
}
