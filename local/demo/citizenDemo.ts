import type { OutboxRecord } from '../../functions/adapters/sms/OutboxSmsSender.ts';
import type { CitizenFigures } from '../../functions/core/citizen/citizenFigures.ts';
import { describeCitizenFigures } from '../../functions/core/citizen/describeCitizenFigures.ts';
import { maskPhone } from '../../functions/core/registry/PhoneNumber.ts';
import type { CityFile } from '../city/cityFileSchema.ts';

/** The demo's citizen (a number no crew has). */
export const DEMO_REPORTER = '+8613900001234';

export interface CitizenDemoOptions {
  /** The local server, where the report page and the officers' console call the same routes. */
  url: string;
  officerToken: string;
  city: CityFile;
  sms: { sent: readonly OutboxRecord[] };
  say: (line: string) => void;
  /** Moves the storm's simulated clock, so the officer's steps take minutes as they would. */
  advance: (minutes: number) => void;
}

interface CaseView { id: string; state: string; rating?: number; task?: { code: string } }

interface FiguresView extends CitizenFigures { days: number }

export interface CitizenDemoResult { caseId: string; state: string; rating?: number; smsToReporter: string[] }


/**
 * One citizen report going round the 随手拍 loop in the demo storm, through the HTTP routes the report page
 * and the console use: the phone checked by SMS code, an Open311 report of an icy bridge, the duty officer
 * registers and dispatches it (a crew leader is texted the task's code), the crew's scripted "3" puts it to
 * verification, the officer verifies, and the reporter is texted the result with the status link.
 */
export class CitizenDemo {
  private caseId: string | undefined;
  private verified = false;

  constructor(private readonly options: CitizenDemoOptions) {}

  /**
   * Files the report and dispatches it; the crew's reply to script, when a crew took it. The report is put on
   * a bridge no task of the storm touched (`taskedRoads`), so a free team is booked and texted its own task.
   */
  async reportAndDispatch(taskedRoads: ReadonlySet<string>): Promise<{ from: string; body: string } | undefined> {
    const { city, say } = this.options;
    const untasked = city.roads.filter((r) => !taskedRoads.has(r.id));
    const road = untasked.find((r) => /桥/.test(r.name)) ?? untasked[0] ?? city.roads.find((r) => /桥/.test(r.name)) ?? city.roads[0]!;
    const bridge = /桥/.test(road.name);
    say(`\n🧑 after the storm, a citizen reports ice on ${road.name} from the report page's routes (phone ${maskPhone(DEMO_REPORTER)} checked by SMS code, then Open311 POST /requests)`);
    await this.call('POST', '/citizen/verifications', { phone: DEMO_REPORTER, lang: 'zh-CN' });
    const code = /(\d{6})/.exec(this.lastSmsTo(DEMO_REPORTER))?.[1];
    if (!code) throw new Error('the demo reporter got no SMS code');
    const { pass } = await this.call<{ pass: string }>('POST', '/citizen/verifications/confirm', { phone: DEMO_REPORTER, code });
    const form = new URLSearchParams({ api_key: pass, service_code: 'icy-road', lat: String(road.latitude), long: String(road.longitude), description: `${road.name}${bridge ? '桥面' : '路面'}结冰，已有电动车滑倒`, address_string: `${road.name}北侧`, lang: 'zh-CN' });
    const [filed] = await this.call<{ service_request_id: string }[]>('POST', '/open311/v2/requests.json', form);
    this.caseId = filed!.service_request_id;
    this.options.advance(6);
    await this.officer('register');
    say(`   case ${this.caseId}: the duty officer registers it (立案) from the console's queue; the reporter is texted`);
    this.options.advance(4);
    const dispatched = await this.officer<{ outcome: string; reason?: string; joined?: boolean; task?: { code: string; road: string; pass: string; crewId: string } }>('dispatch');
    if (dispatched.outcome !== 'dispatched' || !dispatched.task) {
      say(`   dispatch: the case waits (${dispatched.reason ?? 'no reason given'})`);
      return undefined;
    }
    const crew = city.crews.find((c) => c.id === dispatched.task!.crewId)!;
    say(`   dispatched (派遣) as task ${dispatched.task.code} (${dispatched.task.pass}) on ${dispatched.task.road}: ${dispatched.joined ? `joins crew ${crew.name}'s task there` : `crew ${crew.name} booked, its leader texted`}`);
    return { from: crew.leader.phone, body: `3 ${dispatched.task.code}` };
  }

  /**
   * Once the crew's "3" has put the case to verification, the officer verifies it (核查), the reporter is
   * texted the result with the status link, opens it and rates the handling.
   */
  async verifyWhenHandled(): Promise<void> {
    if (!this.caseId || this.verified) return;
    const c = await this.call<CaseView>('GET', `/citizen/cases/${this.caseId}`, undefined, this.options.officerToken);
    if (c.state !== 'handled') {
      this.options.say(`   the case is ${c.state} after the crew's reply: not verified`);
      return;
    }
    await this.officer('verify', { note: '现场复核：桥面已撒布融雪剂，无积冰' });
    this.verified = true;
    const key = /#([A-Za-z0-9_-]+)\s*$/.exec(this.lastSmsTo(DEMO_REPORTER))?.[1];
    if (!key) throw new Error('the demo reporter\'s closing SMS has no status link');
    const status = await this.call<CaseView>('POST', `/citizen/status/${this.caseId}`, { key });
    const rated = await this.call<CaseView>('POST', `/citizen/status/${this.caseId}/rating`, { key, rating: 5 });
    this.options.say(`   handled by the crew ("3"), verified by the duty officer (核查): the reporter's status page says ${status.state}, rated ${rated.rating}/5 (反馈)`);
  }

  /** The case as the loop left it and what its reporter was texted, for the storm's summary; the figures line printed. */
  async result(): Promise<CitizenDemoResult | undefined> {
    if (!this.caseId) return undefined;
    const c = await this.call<CaseView>('GET', `/citizen/cases/${this.caseId}`, undefined, this.options.officerToken);
    const f = await this.call<FiguresView>('GET', '/citizen/figures', undefined, this.options.officerToken);
    this.options.say(`   citizen figures (GET /citizen/figures, the after-action report's too): ${describeCitizenFigures(f)}`);
    return { caseId: c.id, state: c.state, ...(c.rating === undefined ? {} : { rating: c.rating }), smsToReporter: this.options.sms.sent.filter((s) => s.to === DEMO_REPORTER).map((s) => s.body) };
  }

  private officer<T = CaseView>(act: 'register' | 'dispatch' | 'verify', body?: unknown): Promise<T> {
    return this.call<T>('POST', `/citizen/cases/${this.caseId}/${act}`, body, this.options.officerToken);
  }

  private lastSmsTo(phone: string): string {
    return this.options.sms.sent.filter((s) => s.to === phone).at(-1)?.body ?? '';
  }

  private async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const form = body instanceof URLSearchParams;
    const response = await fetch(`${this.options.url}${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' }) },
      ...(body === undefined ? {} : { body: form ? body.toString() : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`citizen demo: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}
