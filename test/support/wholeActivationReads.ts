import type { CoreDeps } from '../../functions/core/ports/CoreDeps.ts';

/** A port whose named methods are counted as they are called; every other member is the port's own. */
function counted<P extends object>(port: P, methods: readonly string[], onCall: (method: string) => void): P {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(target);
      return methods.includes(String(prop)) ? (...args: unknown[]) => { onCall(String(prop)); return bound(...args); } : bound;
    },
  });
}

/**
 * The city's ports, with every read of an activation's whole task list, case list or SMS records counted (what a
 * hot path must not do): `reads` names each such call in order, e.g. ['listTasks', 'listTaskingCases', 'listMessages'].
 */
export function countingWholeActivationReads<D extends Pick<CoreDeps, 'tasks' | 'taskingCases'>>(deps: D): { deps: D; reads: string[] } {
  const reads: string[] = [];
  const onCall = (method: string) => reads.push(method);
  const sms = (deps as Partial<Pick<CoreDeps, 'smsRecords'>>).smsRecords;
  return {
    reads,
    deps: {
      ...deps, tasks: counted(deps.tasks, ['listTasks'], onCall), taskingCases: counted(deps.taskingCases, ['listTaskingCases'], onCall),
      ...(sms ? { smsRecords: counted(sms, ['listMessages'], onCall) } : {}),
    },
  };
}
