import type { ForecastProvider } from '../../functions/core/ports/ForecastProvider.ts';

/** Where a port call ends that marks a stretch of the triggering poll (wall ms, performance.now). */
type Mark = 'zones fetched' | 'wave handed to the planner' | 'registry read for the plan' | 'planned' | 'first team booked';

/**
 * Times the first wave's stretches on the real clock, so that the time to the first SMS can be told apart: the
 * zones' forecasts (the poller's last provider answer), the wave handed to the planner (the poll's end), the
 * planner's input (the roads read), the plan made (its task codes reserved, the first thing after planning), the
 * first team's booking. Wraps the poller's and the planner's ports; only the first call of each kind is marked,
 * except the providers (the last answer).
 */
export class FirstWaveTimeline {
  private readonly marks = new Map<Mark, number>();
  private armed = false;

  /** Marks calls from now on (the triggering poll), not before. */
  arm(): void {
    this.armed = true;
  }

  disarm(): void {
    this.armed = false;
  }

  /** A mark the bench sets itself (the end of a step). */
  mark(mark: Mark, at: number): void {
    this.marks.set(mark, at);
  }

  /** The poller's ports, its providers timed. */
  poller<D extends { providers: ReadonlyMap<string, ForecastProvider> }>(deps: D): D {
    const providers = new Map([...deps.providers].map(([name, p]) => [name, { fetch: async (zone: Parameters<ForecastProvider['fetch']>[0]) => {
      const forecast = await p.fetch(zone);
      if (this.armed) this.marks.set('zones fetched', performance.now());
      return forecast;
    } } as ForecastProvider]));
    return { ...deps, providers };
  }

  /** The activation planner's ports, its registry read, plan and first booking timed. */
  planner<D extends { registry: object; tasks: object; bookings: object }>(deps: D): D {
    return {
      ...deps,
      registry: this.after(deps.registry, 'listRoads', 'registry read for the plan'),
      tasks: this.after(deps.tasks, 'reserveTaskCodes', 'planned', 'call'),
      bookings: this.after(deps.bookings, 'bookTeam', 'first team booked'),
    };
  }

  /** Milliseconds from `from` to each mark, in the poll's order. */
  since(from: number): [Mark, number][] {
    const order: Mark[] = ['zones fetched', 'wave handed to the planner', 'registry read for the plan', 'planned', 'first team booked'];
    return order.filter((m) => this.marks.has(m)).map((m) => [m, this.marks.get(m)! - from]);
  }

  /** `port` with the first call of `method` marked when it ends (or when it is called). */
  private after<P extends object>(port: P, method: string, mark: Mark, when: 'call' | 'end' = 'end'): P {
    return new Proxy(port, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          if (when === 'call' && this.armed && !this.marks.has(mark)) this.marks.set(mark, performance.now());
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (when === 'end' && this.armed && !this.marks.has(mark)) this.marks.set(mark, performance.now());
          return result;
        };
      },
    });
  }
}
