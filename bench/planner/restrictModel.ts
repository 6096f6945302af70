import type { PlanningModel } from '../../functions/core/planner/PlanningModel.ts';

/** The model with only the candidates `keep` marks (CSR arrays rebuilt); `index` maps new candidates to old. */
export function restrictModel(model: PlanningModel, keep: Uint8Array): { model: PlanningModel; index: Int32Array } {
  const index: number[] = [];
  const candStart = new Int32Array(model.tasks.length + 1);
  for (let j = 0; j < model.tasks.length; j++) {
    for (let k = model.candStart[j]!; k < model.candStart[j + 1]!; k++) if (keep[k]) index.push(k);
    candStart[j + 1] = index.length;
  }
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => {
    const out = new (a.constructor as new (n: number) => A)(index.length);
    index.forEach((k, i) => { out[i] = a[k]!; });
    return out;
  };
  const candVehicle = pick(model.candVehicle);
  const vehStart = new Int32Array(model.vehicles.length + 1);
  for (const v of candVehicle) vehStart[v + 1] = vehStart[v + 1]! + 1;
  for (let v = 0; v < model.vehicles.length; v++) vehStart[v + 1] = vehStart[v + 1]! + vehStart[v]!;
  const at = vehStart.slice(0, model.vehicles.length);
  const vehTask = new Int32Array(index.length);
  const vehCand = new Int32Array(index.length);
  for (let j = 0; j < model.tasks.length; j++) {
    for (let k = candStart[j]!; k < candStart[j + 1]!; k++) {
      const v = candVehicle[k]!;
      const slot = at[v]!;
      at[v] = slot + 1;
      vehTask[slot] = j;
      vehCand[slot] = k;
    }
  }
  return {
    model: { ...model, candStart, candVehicle, candHours: pick(model.candHours), candKm: pick(model.candKm), candLent: pick(model.candLent), candCost: pick(model.candCost), vehStart, vehTask, vehCand },
    index: Int32Array.from(index),
  };
}
