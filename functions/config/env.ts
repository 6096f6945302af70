import * as z from './zod.ts';

/** Parses environment variables with a schema; throws naming every missing or bad variable. */
export function parseEnv<S extends z.ZodMiniObject>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return result.data;
}
