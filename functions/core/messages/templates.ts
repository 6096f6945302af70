import type { Language } from '../registry/Language.ts';
import type { SmsTemplate } from './SmsTemplate.ts';
import { EN } from './templates/en.ts';
import { ZH_CN } from './templates/zhCN.ts';

export type { SmsTemplate } from './SmsTemplate.ts';

/** Every language's wording; add a language by adding its data file here. */
export const SMS_TEMPLATES: Record<Language, SmsTemplate> = {
  'zh-CN': ZH_CN,
  en: EN,
};
