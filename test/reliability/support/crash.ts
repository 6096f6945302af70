import type { OperationsPorts } from '../../../functions/core/ports/OperationsPorts.ts';
import type { SmsSender } from '../../../functions/core/ports/SmsSender.ts';
import type { WorldDeps } from './world.ts';

const never = <T>() => new Promise<T>(() => {});

/**
 * A process that dies: once tripped, every port call of the deps it wraps (stores, log, registry, attempt
 * guard, sender) never settles, before or after the call, as if the Lambda were killed there. Work already
 * in DynamoDB or at the SMS provider stays; nothing after it runs.
 */
export class Crash {
  tripped = false;
  publishes = 0;

  /** Every storm port of `deps`, halted alike. */
  private haltPorts(deps: OperationsPorts): OperationsPorts {
    const { zoneStates, activations, bookings, tasks, shortfalls, smsRecords, inbound, taskingCases, contacts, boardVersion, roadRetirements, readyPlans, views } = deps;
    return {
      zoneStates: this.halt(zoneStates), activations: this.halt(activations), bookings: this.halt(bookings), tasks: this.halt(tasks), shortfalls: this.halt(shortfalls),
      smsRecords: this.halt(smsRecords), inbound: this.halt(inbound), taskingCases: this.halt(taskingCases), contacts: this.halt(contacts), boardVersion: this.halt(boardVersion),
      roadRetirements: this.halt(roadRetirements), readyPlans: this.halt(readyPlans), views: this.halt(views),
    };
  }

  private halt<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, prop) => {
        const value = Reflect.get(obj, prop, obj) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (this.tripped) return never();
          const result = await (value as (...a: unknown[]) => unknown).apply(obj, args);
          return this.tripped ? never() : result;
        };
      },
    });
  }

  /** The deps of an invocation that dies right after its `atPublish`-th successful Publish (1-based). */
  deps(deps: WorldDeps, atPublish: number): WorldDeps {
    const sms: SmsSender = {
      send: async (message) => {
        if (this.tripped) return never();
        const result = await deps.sms.send(message);
        if (++this.publishes === atPublish) this.tripped = true;
        return this.tripped ? never() : result;
      },
    };
    return {
      ...deps, sms, ...this.haltPorts(deps), log: this.halt(deps.log), registry: this.halt(deps.registry),
      messaging: { ...deps.messaging, guard: this.halt(deps.messaging.guard), deadLetters: this.halt(deps.messaging.deadLetters) },
    };
  }

  /** Resolves once the crash has happened (or after `ms`). */
  async happened(ms = 5000): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.tripped && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    return this.tripped;
  }
}
