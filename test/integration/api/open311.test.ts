import { beforeAll, describe, expect, it } from 'vitest';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { form, newReporterPhone, reporterPass } from '../../support/citizenApi.ts';

let api: MemoryApiHarness;
// Each request comes from its own verified phone: one phone may file only 5 an hour.
beforeAll(async () => { api = await memoryApiHarness(); });

const icyBridge = { service_code: 'icy-road', lat: 35.2157, long: 113.2419, address_string: '解放路桥', description: 'Black ice on the bridge deck' };

async function postRequest(fields: Record<string, string | number>, format: 'json' | 'xml' = 'json') {
  return api.call('POST', `/open311/v2/requests.${format}`, { as: 'none', ...form(fields) });
}

/** The text of every <name> element in an XML document. */
function xmlValues(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
}

describe('Open311 GeoReport v2: discovery and services', () => {
  it('discovery names the v2 endpoint, its specification and both formats', async () => {
    const res = await api.call('GET', '/open311/discovery.json', { as: 'none' });
    expect(res.status).toBe(200);
    expect(res.json.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    expect(res.json.endpoints[0].url).toMatch(/\/open311\/v2$/);
  });

  it('lists every service with the fields the spec requires, in JSON', async () => {
    const res = await api.call('GET', '/open311/v2/services.json', { as: 'none' });
    expect(res.status).toBe(200);
    expect(res.json.map((s: { service_code: string }) => s.service_code)).toEqual(['icy-road', 'uncleared-snow', 'blocked-access', 'meltwater', 'fallen-branch', 'other']);
    for (const s of res.json) expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
  });

  it('lists the services in XML as <services><service>…', async () => {
    const res = await api.call('GET', '/open311/v2/services.xml?lang=zh-CN', { as: 'none' });
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>icy-road<\/service_code><service_name>道路或桥梁结冰<\/service_name>/);
    expect(xmlValues(res.text, 'service_code')).toHaveLength(6);
  });

  it('gives a service definition, and a 404 in the Open311 error format for an unknown service', async () => {
    const ok = await api.call('GET', '/open311/v2/services/icy-road.json', { as: 'none' });
    const missing = await api.call('GET', '/open311/v2/services/avalanche.xml', { as: 'none' });
    expect(ok.json).toEqual({ service_code: 'icy-road', attributes: [] });
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(/<errors><error><code>404<\/code><description>there is no service &quot;avalanche&quot;/);
  });
});

describe('Open311 GeoReport v2: requests', () => {
  it('creates a request from a verified phone and answers its id and a token', async () => {
    const res = await postRequest({ ...icyBridge, api_key: await reporterPass(api) });
    expect(res.status).toBe(201);
    const [created] = res.json;
    expect(created.service_request_id).toMatch(/^r[0-9a-z]+$/);
    expect(created.token).toBe(`tk-${created.service_request_id}`);
    expect(created.status_url).toMatch(/\/report\/status\.html\?case=r[0-9a-z]+#[A-Za-z0-9_-]{43}$/);
  });

  it('shows a new request as open, with every field of the spec and no phone', async () => {
    const [created] = (await postRequest({ ...icyBridge, api_key: await reporterPass(api) })).json;
    const res = await api.call('GET', `/open311/v2/requests/${created.service_request_id}.json`, { as: 'none' });
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
    expect(res.json[0]).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'icy-road', lat: 35.2157, long: 113.2419, address: '解放路桥' });
    expect(Object.keys(res.json[0]).sort()).toEqual(['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode']);
    expect(res.text).not.toMatch(/\+86/);
  });

  it('answers a token with its request id', async () => {
    const [created] = (await postRequest({ ...icyBridge, api_key: await reporterPass(api) })).json;
    const res = await api.call('GET', `/open311/v2/tokens/${created.token}.json`, { as: 'none' });
    expect(res.json).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
  });

  it('creates a request in XML and answers <service_requests><request>', async () => {
    const res = await postRequest({ ...icyBridge, api_key: await reporterPass(api) }, 'xml');
    expect(res.status).toBe(201);
    expect(xmlValues(res.text, 'service_request_id')[0]).toMatch(/^r[0-9a-z]+$/);
  });

  it('refuses a request without a pass with 403, as the spec answers an invalid api_key', async () => {
    const res = await postRequest(icyBridge);
    expect(res.status).toBe(403);
    expect(res.json[0]).toMatchObject({ code: 403 });
    expect(res.json[0].description).toMatch(/verify your phone/);
  });

  it('refuses an unknown service code and a missing location with 400, one error per field', async () => {
    const res = await postRequest({ api_key: await reporterPass(api), service_code: 'avalanche', description: 'x' });
    expect(res.status).toBe(400);
    expect(res.json.map((e: { description: string }) => e.description.split(':')[0])).toEqual(['service_code', 'lat', 'long']);
  });

  it('stores script in a description as plain text and escapes what it echoes in XML', async () => {
    const [created] = (await postRequest({ ...icyBridge, api_key: await reporterPass(api), description: 'ice <script>alert(1)</script> & slush', address_string: '<img src=x onerror=alert(1)>桥' })).json;
    const res = await api.call('GET', `/open311/v2/requests/${created.service_request_id}.xml`, { as: 'none' });
    expect(xmlValues(res.text, 'description')).toEqual(['ice alert(1) &amp; slush']);
    expect(xmlValues(res.text, 'address')).toEqual(['桥']);
    expect(res.text).not.toMatch(/<script|<img/);
  });

  it('walks the requests a page at a time with page and page_size', async () => {
    const p = await reporterPass(api, newReporterPhone());
    for (let i = 0; i < 3; i++) await postRequest({ ...icyBridge, service_code: 'meltwater', api_key: p });
    const page1 = await api.call('GET', '/open311/v2/requests.json?service_code=meltwater&page_size=2', { as: 'none' });
    const page2 = await api.call('GET', '/open311/v2/requests.json?service_code=meltwater&page_size=2&page=2', { as: 'none' });
    expect([page1.json.length, page2.json.length]).toEqual([2, 1]);
    expect(page1.json.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(page2.json[0].service_request_id);
  });

  it('filters by status: a rejected request is closed, with the reason in its status_notes', async () => {
    const [created] = (await postRequest({ ...icyBridge, service_code: 'other', api_key: await reporterPass(api) })).json;
    const rejected = await api.call('POST', `/citizen/cases/${created.service_request_id}/reject`, { body: { reason: 'outside the city limits' } });
    expect(rejected.status, rejected.text).toBe(200);
    const closed = await api.call('GET', '/open311/v2/requests.json?service_code=other&status=closed', { as: 'none' });
    expect(closed.json).toHaveLength(1);
    expect(closed.json[0]).toMatchObject({ status: 'closed', status_notes: 'Not registered: outside the city limits.' });
  });

  it('answers a bad filter with 400 in the format asked for', async () => {
    const json = await api.call('GET', '/open311/v2/requests.json?page=0', { as: 'none' });
    const xml = await api.call('GET', '/open311/v2/requests.xml?status=pending', { as: 'none' });
    expect([json.status, json.json[0].code]).toEqual([400, 400]);
    expect(xml.text).toMatch(/<errors><error><code>400<\/code><description>status: a comma-separated list/);
  });

  it('answers an unknown request with 404', async () => {
    const res = await api.call('GET', '/open311/v2/requests/r0000000000.json', { as: 'none' });
    expect([res.status, res.json[0].code]).toEqual([404, 404]);
  });
});
