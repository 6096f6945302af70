import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../fixtures/weather/', import.meta.url));

/** A fixture's text, as recorded. */
export const fixtureText = (name: string): string => readFileSync(`${DIR}${name}`, 'utf8');

export const NWS_POINTS = 'nws_points_TAE_58_65.json';
export const NWS_GRID = 'nws_gridpoints_TAE_58_65_raw_trimmed.json';
export const NWS_ALERTS = 'nws_alerts_active_winter_subset_2025-12-15.json';
export const METNO = 'metno_locationforecast_compact_beijing_2020-07-20_trimmed.json';
export const QWEATHER_V7 = 'qweather_v7_warning_now_doc_sample.json';

export const fixturePath = (name: string): string => `${DIR}${name}`;

/** The MET Norway API body inside the library capture's {status_code, headers, data} wrapper. */
export const metnoBody = (): string => JSON.stringify((JSON.parse(fixtureText(METNO)) as { data: unknown }).data);

export const NWS_GRID_COLD_SNOW = 'nws_gridpoints_MPX_108_72_2024-01-12_trimmed.json';
export const NWS_GRID_NO_SNOW_LAYER = 'nws_gridpoints_TBW_93_38_2022-02-03_no_snow_layer_trimmed.json';
export const NWS_GRID_RAIN_TO_SNOW = 'nws_gridpoints_OHX_14_55_2024-01-08_trimmed.json';
