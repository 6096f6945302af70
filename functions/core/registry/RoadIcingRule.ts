import * as z from '../../config/zod.ts';
import { activeLevelSchema } from './activeLevelSchema.ts';

/**
 * The road-icing rule (道路结冰): an hour at or below `maxTemperatureC` with liquid precipitation (rain,
 * drizzle, freezing rain: snow has its own rule) of at least `minLiquidMm`, or any ice accretion, that
 * begins within `withinHours` gives `level`. Road-surface temperature is not forecast by any provider,
 * so air temperature at 2 m stands in for it.
 */
export const roadIcingSchema = z.object({
  maxTemperatureC: z.number().check(z.gte(-20), z.lte(5)),
  minLiquidMm: z.number().check(z.gte(0), z.lte(20)),
  levels: z.array(z.object({ withinHours: z.number().check(z.positive(), z.lte(72)), level: activeLevelSchema })),
});
export type RoadIcingRule = z.infer<typeof roadIcingSchema>;

/** CMA road-icing signal criteria: yellow within 12 h, orange within 6 h, red within 2 h (there is no blue). */
export const CMA_ROAD_ICING: RoadIcingRule = {
  maxTemperatureC: 0,
  minLiquidMm: 0.1,
  levels: [
    { withinHours: 12, level: 'III' },
    { withinHours: 6, level: 'II' },
    { withinHours: 2, level: 'I' },
  ],
};
