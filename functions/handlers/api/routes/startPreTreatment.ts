import * as z from '../../../config/zod.ts';
import { startPreTreatment } from '../../../core/pretreatment/startPreTreatment.ts';
import { OFFICERS } from '../auth/access.ts';
import { defineRoute } from '../http/RouteDefinition.ts';
import { waveAccepted } from '../http/waveAccepted.ts';
import { problemSchema } from '../schemas/problem.ts';
import { reasonSchema } from '../schemas/common.ts';
import { activationAcceptedSchema } from './activate.ts';

export const preTreatmentBodySchema = z.lazy(() => z.strictObject({
  reason: reasonSchema,
}).register(z.globalRegistry, { id: 'PreTreatmentRequest' }));

export const startPreTreatmentRoute = defineRoute({
  method: 'POST', path: '/pretreatment', operationId: 'startPreTreatment', tag: 'activations', access: OFFICERS, idempotent: true,
  summary: 'Start the pre-treatment wave while zones are on watch',
  description: 'While zones are on watch (snow forecast beyond the plan\'s lead time) and no activation is open: opens an activation at the level the watch forecasts (its zones\' levels stay none, preTreatment says the rest) whose first wave sends spreaders to the tier-1 roads, bridges, ramps and slopes of the zones on watch where the registry allows de-icing agent, to be at staging an hour before the snow (preTreatment.stagingAt; never sooner than the plan\'s lead time). Like POST /activations it answers at once (202): the activation planner books certified crews with ready spreaders (nobody twice) and the dispatcher texts each crew leader once; GET the Location for the progress. When the snow comes due the poller upgrades the activation (or proposes it, as the plan says) and the next wave books the rest of the roads in scope: the pre-treatment\'s passes are kept, its crews left on them. Send an Idempotency-Key so a double click starts one wave.',
  body: preTreatmentBodySchema,
  responses: {
    202: { description: 'opened; its pre-treatment wave is being planned (follow the Location)', schema: activationAcceptedSchema },
    409: { description: 'an activation is already open (its id is in activationId), no zone is on watch, or a zone is already due (activate instead)', schema: problemSchema, contentType: 'application/problem+json' },
    422: { description: 'no tier-1 road in the zones on watch allows de-icing agent in the registry', schema: problemSchema, contentType: 'application/problem+json' },
  },
  handle: async ({ deps, body, principal }) => {
    const activation = await startPreTreatment(deps, { actor: principal.username, reason: body.reason });
    return waveAccepted(deps, activation);
  },
});
