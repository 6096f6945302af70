import type { CitizenFigures } from './citizenFigures.ts';
import { CITIZEN_CATEGORIES } from './CitizenCategory.ts';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const minutes = (m: number | null) => (m === null ? '—' : `${m}`);

/** The citizen figures as one line of plain text (the ICS-214 report, the CLI's summary, npm start). */
export function describeCitizenFigures(f: CitizenFigures): string {
  const categories = CITIZEN_CATEGORIES.filter((k) => f.byCategory[k] > 0).map((k) => `${k} ${f.byCategory[k]}`).join(', ');
  const m = f.medianMinutes;
  const rating = f.satisfaction.mean === null ? 'no rating' : `satisfaction ${f.satisfaction.mean.toFixed(1)} of 5 (${f.satisfaction.ratings} rated)`;
  return `${f.cases} case${f.cases === 1 ? '' : 's'}${categories ? ` (${categories})` : ''}; median minutes to register / dispatch / close ${minutes(m.register)} / ${minutes(m.dispatch)} / ${minutes(m.close)}; closure rate ${percent(f.closureRate)}; on time ${percent(f.onTimeRate)} (target ${f.targetHours} h); ${rating}`;
}
