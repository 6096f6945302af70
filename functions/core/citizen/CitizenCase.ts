import type { Language } from '../registry/Language.ts';
import type { CaseState, CaseStep } from './CaseState.ts';
import type { CitizenCategory } from './CitizenCategory.ts';

/** A photo as stored: its key in the photo store, the content type sniffed from its bytes, its size after stripping. */
export interface CasePhoto {
  key: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/heic';
  bytes: number;
}

/** The task a case became, once dispatched. */
export interface CaseTask {
  activationId: string;
  taskId: string;
  code: string;
}

/** One step of the case's history, as the reporter's status page and the Open311 status_notes show it. */
export interface CaseEvent {
  step: CaseStep | 'submit';
  at: string;
  /** Plain text the reporter may read (a rejection's reason, the wait's reason). */
  note?: string;
}

/** A report from the public, from the moment it is accepted to the moment it is verified and told. */
export interface CitizenCase {
  /** Also the Open311 service_request_id. */
  id: string;
  category: CitizenCategory;
  /** Plain text, no markup, at most 4,000 characters. */
  description: string;
  lat: number;
  lon: number;
  address?: string;
  zoneId?: string;
  /** E.164. Personal data: shown masked, never logged. */
  reporterPhone: string;
  language: Language;
  photos: CasePhoto[];
  state: CaseState;
  submittedAt: string;
  updatedAt: string;
  /** People who reported it: the reporter and those who added their voice. */
  voices: number;
  lastVoiceAt: string;
  /** SHA-256 of each voice's phone, the reporter's first: one voice per phone. */
  supporters: string[];
  /** The secret in the reporter's status link (the closing SMS carries the link). Never shown but to the reporter. */
  statusKey: string;
  history: CaseEvent[];
  mergedInto?: string;
  task?: CaseTask;
  /** Why it was rejected or is waiting: told to the reporter. */
  reason?: string;
  /** The reporter's satisfaction, 1 to 5, once closed. */
  rating?: number;
  /** The reporter's number is banned: the case is kept, never dispatched. */
  banned?: boolean;
  /** Bumped by every write; a write names the version it read. */
  version: number;
}

/** When the case first reached a state, from its history (for the KPIs). */
export function firstAt(c: CitizenCase, step: CaseEvent['step']): string | undefined {
  return c.history.find((e) => e.step === step)?.at;
}
