import type { WarningColour } from '../../../../core/forecast/OfficialWarning.ts';

const WORDS: [RegExp, WarningColour][] = [[/蓝色|\bblue\b/i, 'blue'], [/黄色|\byellow\b/i, 'yellow'], [/橙色|\borange\b/i, 'orange'], [/红色|\bred\b/i, 'red']];

/** The signal colour a text names: 蓝色 / 黄色 / 橙色 / 红色, or the English words (MeteoAlarm "Yellow ice warning", CMA "YELLOW"). */
export function colourWord(text: string | undefined): WarningColour | undefined {
  if (!text) return undefined;
  return WORDS.find(([re]) => re.test(text))?.[1];
}

/**
 * The signal colour of an RGB colour as publishers give it (DWD AREA_COLOR "255 235 59", SMHI "#fdeb1b"):
 * by hue, yellow, orange, red (and DWD's dark red, level 4), blue; green, white or grey are no signal colour.
 */
export function colourOfRgb(text: string | undefined): WarningColour | undefined {
  if (!text) return undefined;
  const hex = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : text.trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p))) return undefined;
  const [r, g, b] = parts.map((p) => p / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.2) return undefined;
  const d = max - min;
  const hue = (max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4) * 60;
  const h = (hue + 360) % 360;
  if (h < 20 || h >= 300) return 'red';
  if (h < 45) return 'orange';
  if (h < 75) return 'yellow';
  if (h >= 180 && h < 270) return 'blue';
  return undefined;
}
