/**
 * An Open-Meteo /v1/forecast body (timezone=GMT, iso8601) in the shape the real API returns it (see the
 * demo storm and openmeteo_docs_forecast_v1_extract.md), with snowfall in cm per hour from `start`.
 */
export function openMeteoBody(snowfallCm: readonly (number | null)[], options: { start?: string; temperatureC?: number } = {}): Record<string, unknown> {
  const start = Date.parse(options.start ?? '2026-12-14T00:00:00Z');
  const time = snowfallCm.map((_, i) => new Date(start + i * 3_600_000).toISOString().slice(0, 16));
  return {
    latitude: 35.25, longitude: 113.25, generationtime_ms: 0.31, utc_offset_seconds: 0, timezone: 'GMT', timezone_abbreviation: 'GMT', elevation: 112.0,
    hourly_units: { time: 'iso8601', snowfall: 'cm', precipitation: 'mm', temperature_2m: '°C', snow_depth: 'm' },
    hourly: {
      time,
      snowfall: [...snowfallCm],
      precipitation: snowfallCm.map((s) => (s === null ? null : Math.round((s / 0.7) * 10) / 10)),
      temperature_2m: snowfallCm.map(() => options.temperatureC ?? -2),
      snow_depth: snowfallCm.map(() => 0),
    },
  };
}

/** `total` cm of snow evenly over `spread` hours from `offset`, in `length` hours. */
export function snowCm(total: number, spread: number, offset = 0, length = 72): number[] {
  return Array.from({ length }, (_, i) => (i >= offset && i < offset + spread ? Math.round((total / spread) * 1000) / 1000 : 0));
}
