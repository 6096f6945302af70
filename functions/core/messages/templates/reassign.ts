import type { Language } from '../../registry/Language.ts';

/**
 * Wording of the reassignment SMS (kept apart so the tasking templates' owner can fold it in).
 * `to`: to the leader who gets the task: {task} (code, road and pass) {vehicle} {startBy}.
 * `from`: to the leader who loses it: {task} (code and road).
 */
export const REASSIGN_TEMPLATES: Record<Language, { to: string; from: string }> = {
  'zh-CN': {
    to: '改派给你班：{task}，{vehicle}，{startBy}前开始。回复1确认',
    from: '{task}已改派他班，你班无需执行。',
  },
  en: {
    to: 'SNOW reassigned to you: {task}, vehicle {vehicle}, start by {startBy}. Reply 1 to ack',
    from: 'SNOW: {task} moved to another team; no action needed.',
  },
};
