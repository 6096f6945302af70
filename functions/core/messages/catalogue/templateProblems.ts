import type { CatalogueEntry } from './CatalogueEntry.ts';

const VARIABLE = /\{(\w+)\}/g;

/** The variables a template's wording names, in order. */
export function variablesOf(wording: string): string[] {
  return [...wording.matchAll(VARIABLE)].map((m) => m[1]!);
}

/**
 * Why a template could not be registered with a mainland provider: brackets that would be read as a
 * signature, a variable with no fixed text before the next one, a variable named but not declared (or
 * declared and never used), a template made only of variables.
 */
export function registrationProblems(entry: CatalogueEntry): string[] {
  const problems: string[] = [];
  for (const [language, wording] of Object.entries(entry.text)) {
    const where = `${entry.name} (${language})`;
    if (/[【】]/.test(wording)) problems.push(`${where}: 【】 is reserved for the signature`);
    if (/\}\s*\{/.test(wording)) problems.push(`${where}: two variables with no fixed text between them`);
    const named = variablesOf(wording);
    for (const v of named) if (!(v in entry.variables)) problems.push(`${where}: {${v}} is not declared`);
    for (const v of Object.keys(entry.variables)) if (!named.includes(v)) problems.push(`${where}: {${v}} is declared but not in the wording`);
    if (new Set(named).size !== named.length) problems.push(`${where}: a variable appears twice`);
    if (wording.replace(VARIABLE, '').trim().length === 0) problems.push(`${where}: nothing but variables`);
    if (wording.length > 500) problems.push(`${where}: longer than 500 characters`);
  }
  return problems;
}

/** Why values would not fit a registered template: a missing, extra, empty or too long value, or a bracket in it. */
export function paramProblems(entry: CatalogueEntry, params: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [v, rule] of Object.entries(entry.variables)) {
    const value = params[v];
    if (value === undefined) problems.push(`${entry.name}: {${v}} has no value`);
    else if (value.length === 0) problems.push(`${entry.name}: {${v}} is empty`);
    else if (value.length > rule.maxLength) problems.push(`${entry.name}: {${v}} is ${value.length} characters, the registration allows ${rule.maxLength}`);
    else if (/[【】]/.test(value)) problems.push(`${entry.name}: {${v}} contains 【】`);
  }
  for (const v of Object.keys(params)) if (!(v in entry.variables)) problems.push(`${entry.name}: {${v}} is not a variable of the template`);
  return problems;
}
