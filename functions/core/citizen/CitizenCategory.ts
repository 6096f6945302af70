/**
 * What a citizen may report in a snowstorm. Each category is an Open311 service (its code is the
 * service_code) with its names in both languages the public page speaks.
 */
export const CITIZEN_CATEGORIES = ['icy-road', 'uncleared-snow', 'blocked-access', 'meltwater', 'fallen-branch', 'other'] as const;
export type CitizenCategory = (typeof CITIZEN_CATEGORIES)[number];

export interface CategoryText {
  'zh-CN': string;
  en: string;
}

export const CATEGORY_NAMES: Record<CitizenCategory, CategoryText> = {
  'icy-road': { 'zh-CN': '道路或桥梁结冰', en: 'Icy road or bridge' },
  'uncleared-snow': { 'zh-CN': '积雪未清', en: 'Uncleared snow' },
  'blocked-access': { 'zh-CN': '医院/学校/公交站通道被雪阻断', en: 'Snow blocking a hospital, school or bus stop access' },
  meltwater: { 'zh-CN': '融雪积水或排水口堵塞', en: 'Meltwater or blocked drain' },
  'fallen-branch': { 'zh-CN': '断枝或电线落地', en: 'Fallen branch or wire' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CATEGORY_DESCRIPTIONS: Record<CitizenCategory, CategoryText> = {
  'icy-road': { 'zh-CN': '路面、桥面、坡道结冰湿滑', en: 'Ice on a carriageway, bridge deck or slope' },
  'uncleared-snow': { 'zh-CN': '道路或人行道积雪未清扫', en: 'Snow not cleared from a road or pavement' },
  'blocked-access': { 'zh-CN': '积雪阻断医院、学校或公交站出入口', en: 'Snow blocking the way into a hospital, school or bus stop' },
  meltwater: { 'zh-CN': '融雪积水、排水口被冰雪堵塞', en: 'Standing meltwater, or a drain blocked by snow or ice' },
  'fallen-branch': { 'zh-CN': '积雪压断树枝或电线落地', en: 'A branch or a wire brought down by snow' },
  other: { 'zh-CN': '其他与冰雪有关的问题', en: 'Any other snow or ice hazard' },
};

export function isCitizenCategory(value: string): value is CitizenCategory {
  return (CITIZEN_CATEGORIES as readonly string[]).includes(value);
}
