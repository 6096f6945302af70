import type { Language } from '../registry/Language.ts';
import { CATEGORY_NAMES, type CitizenCategory } from './CitizenCategory.ts';

/**
 * What reporters are texted, in their language. Short: a code SMS fits one UCS-2 segment; the
 * closing SMS carries the status link (where the reporter may rate the work).
 */
export const citizenMessages = {
  code: (lang: Language, code: string, minutes: number) => lang === 'zh-CN'
    ? `验证码${code}，${minutes}分钟内有效。用于冰雪随手拍上报，请勿告诉他人。`
    : `Your snow report code is ${code}, valid ${minutes} min. Do not share it.`,
  registered: (lang: Language, category: CitizenCategory, caseId: string) => lang === 'zh-CN'
    ? `您上报的“${CATEGORY_NAMES[category]['zh-CN']}”已立案（${caseId}），我们会尽快派人处置。`
    : `Your report "${CATEGORY_NAMES[category].en}" is registered (${caseId}); a crew will be sent.`,
  rejected: (lang: Language, caseId: string, reason: string) => lang === 'zh-CN'
    ? `您的上报（${caseId}）未予立案：${reason}`
    : `Your report (${caseId}) was not registered: ${reason}`,
  closed: (lang: Language, caseId: string, link: string | undefined) => lang === 'zh-CN'
    ? `您上报的问题（${caseId}）已处置完毕并经核查。${link ? `查看结果并评价：${link}` : '感谢您的上报。'}`
    : `Your report (${caseId}) is fixed and checked. ${link ? `See the result and rate it: ${link}` : 'Thank you for reporting it.'}`,
};
