import type { Evidence } from '../triggers/Evidence.ts';
import type { Activation } from './Activation.ts';

/** An activation as one activation is shown (API, report): the record with the whole evidence it was opened on. */
export type ActivationWithEvidence = Activation & { evidence: Evidence[] };
