import * as z from '../../config/zod.ts';

/** A WGS 84 latitude in degrees. Called inside each record's z.lazy, so it is built on first use like them. */
export const latitude = () => z.number().check(z.gte(-90), z.lte(90));
/** A WGS 84 longitude in degrees. */
export const longitude = () => z.number().check(z.gte(-180), z.lte(180));
