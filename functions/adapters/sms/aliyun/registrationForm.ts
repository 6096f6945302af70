import type { CatalogueEntry, VariableKind } from '../../../core/messages/catalogue/CatalogueEntry.ts';
import { DEFAULT_MAX_LENGTH } from '../../../core/messages/catalogue/variables.ts';
import { LANGUAGES, type Language } from '../../../core/registry/Language.ts';

/** One template as Alibaba Cloud SMS's CreateSmsTemplate takes it (the console asks for the same fields). */
export interface AliyunTemplateApplication {
  /** Our catalogue key: `<template name>.<language>`; the stage's config maps it to the TemplateCode Alibaba Cloud assigns. */
  key: string;
  TemplateName: string;
  /** 1: notification (短信通知). */
  TemplateType: 1;
  /** The wording with ${variable} placeholders, without the signature (Alibaba Cloud adds 【SignName】). */
  TemplateContent: string;
  /** Each variable's property (TemplateRule), as a JSON text. */
  TemplateRule: string;
  /** 申请说明: when the message is sent, and which variables need more than the default length and why. */
  Remark: string;
  /** Longest value of each variable this system sends. */
  maxLengths: Record<string, number>;
}

// Alibaba Cloud's names for a variable's property (TemplateRule values).
const PROPERTY: Record<VariableKind, string> = { time: 'time', name: 'name', code: 'other_number2', text: 'others' };

/** The key a stage's `templateCodes` uses for a catalogue template in a language. */
export function templateKey(name: string, language: Language): string {
  return `${name}.${language}`;
}

/** The catalogue in registration form: one application per template and language. */
export function aliyunApplications(catalogue: readonly CatalogueEntry[], languages: readonly Language[] = LANGUAGES): AliyunTemplateApplication[] {
  return catalogue.flatMap((entry) => languages.map((language): AliyunTemplateApplication => {
    const longer = Object.entries(entry.variables).filter(([, v]) => v.maxLength > DEFAULT_MAX_LENGTH);
    return {
      key: templateKey(entry.name, language),
      TemplateName: `snowops ${entry.name} ${language}`.slice(0, 30),
      TemplateType: 1,
      TemplateContent: entry.text[language].replace(/\{(\w+)\}/g, '$${$1}'),
      TemplateRule: JSON.stringify(Object.fromEntries(Object.entries(entry.variables).map(([v, rule]) => [v, PROPERTY[rule.kind]]))),
      Remark: [entry.purpose, ...longer.map(([v, rule]) => `\${${v}} up to ${rule.maxLength} characters: ${rule.longerBecause ?? 'see the purpose'}`)].join('. '),
      maxLengths: Object.fromEntries(Object.entries(entry.variables).map(([v, rule]) => [v, rule.maxLength])),
    };
  }));
}
