import type { Language } from '../../registry/Language.ts';

/**
 * What a variable holds, in the words of a mainland provider's template registration (Alibaba Cloud
 * SMS's TemplateRule properties): a time, a name, a code, or other text.
 */
export type VariableKind = 'time' | 'name' | 'code' | 'text';

export interface TemplateVariable {
  kind: VariableKind;
  /** The longest value the registration asks for (characters); longer values are refused by the provider. */
  maxLength: number;
  /** Why the variable needs more than the provider's default length, for the registration's remark. */
  longerBecause?: string;
}

/** One SMS the system sends: fixed wording per language with {name} variables, and what each variable holds. */
export interface CatalogueEntry {
  name: string;
  /** When it is sent, for the registration's remark (申请说明). */
  purpose: string;
  variables: Record<string, TemplateVariable>;
  text: Record<Language, string>;
}

/** The template a rendered SMS came from, with its values: what a template-only provider sends. */
export interface TemplateRef {
  name: string;
  language: Language;
  params: Record<string, string>;
}
