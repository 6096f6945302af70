import { readFile } from 'node:fs/promises';

/** The recorded demo storm (Open-Meteo /v1/forecast, local/storms): a 6-hour peak of 12.8 mm snow water, level II. */
const RECORDED = new URL('../../local/storms/jiaozuo-2026-12-blizzard.openmeteo.json', import.meta.url);

interface OpenMeteoBody { hourly: { time: string[]; snowfall: (number | null)[]; precipitation: (number | null)[] } }

const scaled = (values: (number | null)[], factor: number) => values.map((v) => (v === null ? null : Math.round(v * factor * 10) / 10));

/**
 * The storm's forecasts in Open-Meteo's own format, served by the weather replay server to the real
 * Open-Meteo client: the recorded Jiaozuo blizzard with its snow and precipitation × `factor` (1.4: a
 * 6-hour peak of 17.9 mm, the CMA red signal, level I), and the same body with the snow gone (the all-clear).
 */
export async function stormForecasts(factor = 1.4): Promise<{ red: string; clear: string; firstHour: Date }> {
  const body = JSON.parse(await readFile(RECORDED, 'utf8')) as OpenMeteoBody;
  const red = { ...body, hourly: { ...body.hourly, snowfall: scaled(body.hourly.snowfall, factor), precipitation: scaled(body.hourly.precipitation, factor) } };
  const clear = { ...body, hourly: { ...body.hourly, snowfall: scaled(body.hourly.snowfall, 0), precipitation: scaled(body.hourly.precipitation, 0) } };
  return { red: JSON.stringify(red), clear: JSON.stringify(clear), firstHour: new Date(`${body.hourly.time[0]}:00Z`) };
}
