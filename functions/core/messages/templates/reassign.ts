import type { Language } from '../../registry/Language.ts';

/**
 * Wording of the reassignment SMS (kept apart so the tasking templates' owner can fold it in).
 * `to`: to the leader who gets the task: {code} {road} {pass} {vehicle} {startBy}.
 * `from`: to the leader who loses it: {code} {road}.
 */
export const REASSIGN_TEMPLATES: Record<Language, { to: string; from: string }> = {
  'zh-CN': {
    to: '【扫雪】改派给你班：{code} {road}{pass}，{vehicle}，{startBy}前开始。回复1确认',
    from: '【扫雪】{code} {road}已改派他班，你班无需执行。',
  },
  en: {
    to: 'SNOW reassigned to you: {code} {road} {pass}, vehicle {vehicle}, start by {startBy}. Reply 1 to ack',
    from: 'SNOW: {code} {road} moved to another team; no action needed.',
  },
};
