import { banReporter } from '../../../../core/citizen/banReporter.ts';
import { citizenFigures } from '../../../../core/citizen/citizenFigures.ts';
import { dispatchCase } from '../../../../core/citizen/dispatchCase.ts';
import { followTasks } from '../../../../core/citizen/followTask.ts';
import { suggestMerges } from '../../../../core/citizen/nearbyCases.ts';
import { mergeCase } from '../../../../core/citizen/mergeCase.ts';
import { registerCase } from '../../../../core/citizen/registerCase.ts';
import { rejectCase } from '../../../../core/citizen/rejectCase.ts';
import { reopenCase, verifyCase } from '../../../../core/citizen/verifyCase.ts';
import { NotFoundError } from '../../../../core/errors/NotFoundError.ts';
import { OFFICERS, READERS } from '../../auth/access.ts';
import { json } from '../../http/ApiResponse.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { citizenDeps } from '../open311/postRequest.ts';
import { caseIdParams, mergeBody, noteBody, queueQuery, reasonBody } from './citizenSchemas.ts';
import { officerView } from './officerView.ts';
import type { ApiDeps } from '../../ApiDeps.ts';

/** Cases reported in the last `days`, each brought up to its task's state. */
async function recentCases(deps: ApiDeps, days: number) {
  const from = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
  return followTasks(followDeps(deps), await deps.citizen.cases.listSubmitted({ from }));
}

const followDeps = (deps: ApiDeps) => ({ ...citizenDeps(deps), tasks: deps.tasks });

export const caseQueueRoute = defineRoute({
  method: 'GET', path: '/citizen/cases', operationId: 'listCitizenCases', tag: 'citizen', access: READERS,
  summary: 'List citizen reports (the officer\'s queue)',
  description: 'Reports of the last `days` (default 7), newest first, optionally in one state; each new report carries its merge suggestions (same category within 50 m and 6 h). Reporters\' phones are masked.',
  query: queueQuery,
  responses: { 200: { description: 'the cases' } },
  handle: async ({ deps, query }) => {
    const cases = (await recentCases(deps, query.days)).filter((c) => !query.state || c.state === query.state);
    const views = await Promise.all(cases.map(async (c) => officerView(c, c.state === 'submitted' ? await suggestMerges(deps.citizen, c) : [])));
    return json(200, { cases: views });
  },
});

export const caseFiguresRoute = defineRoute({
  method: 'GET', path: '/citizen/figures', operationId: 'citizenCaseFigures', tag: 'citizen', access: READERS,
  summary: 'Citizen reports\' figures (结案率, 按期处置率, satisfaction)',
  description: 'Over the reports of the last `days` (default 7): cases by category, median minutes from the report to registration, dispatch and closing, the closure rate (closed among those not rejected or merged), the on-time rate against the plan\'s target (closed within plan.citizenCaseTargetHours of the report, 72 h when the plan names none; `targetHours` says which) and the mean rating.',
  query: queueQuery,
  responses: { 200: { description: 'the figures' } },
  handle: async ({ deps, query }) => {
    const from = new Date(deps.clock.now().getTime() - query.days * 86_400_000).toISOString();
    return json(200, { days: query.days, ...(await citizenFigures(followDeps(deps), { plan: await deps.registry.getPlan(), from })) });
  },
});

export const getCaseRoute = defineRoute({
  method: 'GET', path: '/citizen/cases/{caseId}', operationId: 'getCitizenCase', tag: 'citizen', access: READERS,
  summary: 'Read one citizen report',
  params: caseIdParams,
  responses: { 200: { description: 'the case' } },
  handle: async ({ deps, params }) => {
    const found = await deps.citizen.cases.get(params.caseId);
    if (!found) throw new NotFoundError('case', params.caseId);
    const [c] = await followTasks(followDeps(deps), [found]);
    return json(200, officerView(c!, await suggestMerges(deps.citizen, c!)));
  },
});

export const registerCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/register', operationId: 'registerCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Register a citizen report (立案)',
  params: caseIdParams,
  responses: { 200: { description: 'registered; the reporter is texted' }, 409: { description: 'not a new report' } },
  handle: async ({ deps, params, principal }) => json(200, officerView(await registerCase(citizenDeps(deps), { caseId: params.caseId, actor: principal.username }))),
});

export const dispatchCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/dispatch', operationId: 'dispatchCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Dispatch a registered citizen report as a task (派遣)',
  description: 'The case becomes a pass on the nearest road of its zone in the open activation: a crew already tasked there takes it, or a free team is booked by the usual rules and texted with the task\'s code. Without an open activation or a free team the case waits, with the reason (outcome "waiting").',
  params: caseIdParams,
  responses: { 200: { description: 'dispatched (with the task) or waiting (with the reason)' }, 409: { description: 'not registered or waiting, or from a banned number' } },
  handle: async ({ deps, params, principal }) => {
    const result = await dispatchCase({ ...citizenDeps(deps), registry: deps.registry, activations: deps.activations, tasks: deps.tasks, bookings: deps.bookings, dispatch: deps.dispatch }, { caseId: params.caseId, actor: principal.username });
    return json(200, result.outcome === 'dispatched'
      ? { outcome: result.outcome, joined: result.joined, task: { code: result.task.code, road: result.task.roadName, pass: result.task.pass, crewId: result.task.crewId }, case: officerView(result.case) }
      : { outcome: result.outcome, reason: result.reason, case: officerView(result.case) });
  },
});

export const rejectCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/reject', operationId: 'rejectCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Reject a citizen report, with the reason the reporter is told',
  params: caseIdParams,
  body: reasonBody,
  responses: { 200: { description: 'rejected; the reporter is texted the reason' }, 409: { description: 'already closed' } },
  handle: async ({ deps, params, body, principal }) => json(200, officerView(await rejectCase(citizenDeps(deps), { caseId: params.caseId, actor: principal.username, reason: body.reason }))),
});

export const mergeCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/merge', operationId: 'mergeCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Merge a duplicate report into the one that carries on',
  params: caseIdParams,
  body: mergeBody,
  responses: { 200: { description: 'merged: the duplicate closed, its voices joined to the original' }, 409: { description: 'one of them is closed' } },
  handle: async ({ deps, params, body, principal }) => {
    const { merged, into } = await mergeCase(citizenDeps(deps), { caseId: params.caseId, intoId: body.intoId, actor: principal.username });
    return json(200, { merged: officerView(merged), into: officerView(into) });
  },
});

export const verifyCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/verify', operationId: 'verifyCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Verify a handled report (核查): it closes and the reporter is texted',
  params: caseIdParams,
  body: noteBody,
  responses: { 200: { description: 'closed' }, 409: { description: 'the crew has not reported it done' } },
  handle: async ({ deps, params, body, principal }) => json(200, officerView(await verifyCase(citizenDeps(deps), { caseId: params.caseId, actor: principal.username, ...(body?.note ? { note: body.note } : {}) }))),
});

export const reopenCaseRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/reopen', operationId: 'reopenCitizenCase', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Reopen a handled or closed report (the hazard is still there)',
  params: caseIdParams,
  body: reasonBody,
  responses: { 200: { description: 'registered again, to be dispatched' }, 409: { description: 'not handled or closed' } },
  handle: async ({ deps, params, body, principal }) => json(200, officerView(await reopenCase(citizenDeps(deps), { caseId: params.caseId, actor: principal.username, reason: body.reason }))),
});

export const banReporterRoute = defineRoute({
  method: 'POST', path: '/citizen/cases/{caseId}/ban-reporter', operationId: 'banCitizenReporter', tag: 'citizen', access: OFFICERS, idempotent: true,
  summary: 'Ban the number a report came from (moderation)',
  description: 'The case, and every report from that number before and after, are kept and never dispatched (409 on dispatch). The reporter is not told. The reason goes to the response log; the number does not.',
  params: caseIdParams,
  body: reasonBody,
  responses: { 200: { description: 'banned (the case, marked)' } },
  handle: async ({ deps, params, body, principal }) => json(200, officerView(await banReporter(citizenDeps(deps), { caseId: params.caseId, actor: principal.username, reason: body.reason }))),
});
