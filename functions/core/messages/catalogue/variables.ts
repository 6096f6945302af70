import type { TemplateVariable } from './CatalogueEntry.ts';

/**
 * Notification templates' default variable length at Alibaba Cloud SMS (1 to 35 characters, from its
 * template rules); a longer variable is asked for in the registration's remark.
 */
export const DEFAULT_MAX_LENGTH = 35;

export const text = (maxLength = DEFAULT_MAX_LENGTH, longerBecause?: string): TemplateVariable =>
  ({ kind: 'text', maxLength, ...(longerBecause ? { longerBecause } : {}) });
export const name = (maxLength = 20): TemplateVariable => ({ kind: 'name', maxLength });
export const code = (maxLength = 10): TemplateVariable => ({ kind: 'code', maxLength });
export const time = (maxLength = 20): TemplateVariable => ({ kind: 'time', maxLength });
