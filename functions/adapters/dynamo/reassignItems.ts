import type { Task } from '../../core/operations/Task.ts';
import type { TaskMove } from '../../core/ports/TeamBookings.ts';
import { crewIndexKey, operationsKeys } from '../../config/operationsKeys.ts';
import type { NamedItem } from './conditionalWrite.ts';
import type { LockItem } from './teamLocks.ts';

export interface TeamLocks {
  oldCrew?: LockItem;
  oldVehicle?: LockItem;
  newCrew?: LockItem;
  newVehicle?: LockItem;
}

/**
 * The transaction moving `task` to another team, from the four locks as read: the task (named 'task'),
 * and for each side (crew, vehicle) either its lock kept with a new partner, or counted off the old team
 * and onto the new. A refusal when the locks as read already forbid the move.
 */
export function reassignItems(tableName: string, task: Task, to: TaskMove, at: string, locks: TeamLocks): { items: NamedItem[] } | { refusal: string } {
  const a = task.activationId;
  const items: NamedItem[] = [{ name: 'task', item: { Update: {
    TableName: tableName, Key: operationsKeys.task(a, task.id),
    ConditionExpression: '#state = :from AND crewId = :oc AND vehicleId = :ov',
    UpdateExpression: 'SET #state = :to, crewId = :nc, vehicleId = :nv, vehicleLabel = :label, depot = :depot, #seq = :seq, startBy = :startBy, passableAt = :passableAt, updatedAt = :at, gsi1pk = :g',
    ExpressionAttributeNames: { '#state': 'state', '#seq': 'sequence' },
    ExpressionAttributeValues: {
      ':from': task.state, ':oc': task.crewId, ':ov': task.vehicleId, ':to': to.state, ':nc': to.crewId, ':nv': to.vehicleId, ':label': to.vehicleLabel,
      ':depot': to.depot, ':seq': to.sequence, ':startBy': to.startBy, ':passableAt': to.passableAt, ':at': at, ':g': crewIndexKey(to.crewId),
    },
  } } }];
  for (const side of ['CREW', 'VEHICLE'] as const) {
    const crew = side === 'CREW';
    const [oldId, newId] = crew ? [task.crewId, to.crewId] : [task.vehicleId, to.vehicleId];
    const [oldLock, newLock] = crew ? [locks.oldCrew, locks.newCrew] : [locks.oldVehicle, locks.newVehicle];
    const partner = crew ? 'vehicleId' : 'crewId';
    const [oldPartner, newPartner] = crew ? [task.vehicleId, to.vehicleId] : [task.crewId, to.crewId];
    const what = crew ? 'crew' : 'vehicle';
    const name = `lock:${side}`;
    if (oldId === newId) {
      // Same crew, other vehicle (or the reverse): only if this was its one open task.
      if (!oldLock || oldLock.activationId !== a || oldLock.openTasks !== 1) {
        return { refusal: `${what} ${oldId} has other open tasks with its team; move those first or choose another ${what}` };
      }
      items.push({ name, item: { Update: {
        TableName: tableName, Key: operationsKeys.lock(side, oldId), UpdateExpression: `SET ${partner} = :np`,
        ConditionExpression: `activationId = :a AND ${partner} = :op AND openTasks = :one`,
        ExpressionAttributeValues: { ':np': newPartner, ':op': oldPartner, ':a': a, ':one': 1 },
      } } });
      continue;
    }
    if (newLock && (newLock.activationId !== a || newLock[partner] !== newPartner)) {
      return { refusal: `${what} ${newId} is booked with ${crew ? 'vehicle' : 'crew'} ${newLock[partner]}${newLock.activationId !== a ? ' in another activation' : ''}` };
    }
    if (oldLock && oldLock.activationId === a) {
      items.push({ name: `old-${name}`, item: oldLock.openTasks <= 1
        ? { Delete: { TableName: tableName, Key: operationsKeys.lock(side, oldId), ConditionExpression: 'activationId = :a AND openTasks = :one', ExpressionAttributeValues: { ':a': a, ':one': 1 } } }
        : { Update: { TableName: tableName, Key: operationsKeys.lock(side, oldId), UpdateExpression: 'ADD openTasks :minus', ConditionExpression: 'activationId = :a AND openTasks > :one', ExpressionAttributeValues: { ':a': a, ':minus': -1, ':one': 1 } } } });
    }
    // Against the count read: the task's place and times were worked out from the team's tasks as read, and a
    // concurrent move onto (or close in) the same team would put two tasks at one place in its list.
    items.push({ name, item: newLock
      ? { Update: { TableName: tableName, Key: operationsKeys.lock(side, newId), UpdateExpression: 'ADD openTasks :plus', ConditionExpression: `activationId = :a AND ${partner} = :np AND openTasks = :n`, ExpressionAttributeValues: { ':a': a, ':plus': 1, ':np': newPartner, ':n': to.teamOpenTasks ?? newLock.openTasks } } }
      : { Put: { TableName: tableName, Item: { ...operationsKeys.lock(side, newId), activationId: a, crewId: to.crewId, vehicleId: to.vehicleId, openTasks: 1, complete: true, bookedAt: at }, ConditionExpression: 'attribute_not_exists(pk)' } } });
  }
  return { items };
}
