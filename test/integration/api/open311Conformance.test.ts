import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';
import { form, reporterPass } from '../../support/citizenApi.ts';

/**
 * Our Open311 answers beside real cities' (/work/shared/fixtures/real-world/open311, sources in its
 * README): Washington DC's services.xml, Toronto's requests.xml, Boston's discovery.json and error XML.
 * Same element names, same nesting.
 */
const FIXTURES = new URL('../../../../shared/fixtures/real-world/open311/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

/** The element names directly inside the first <parent> of a document, in order. */
function childNames(xml: string, parent: string): string[] {
  const inner = new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`).exec(xml)![1]!;
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([a-z_]+)[^>]*?(\/?)>/g)) {
    if (m[1]) { depth--; continue; }
    if (depth === 0) names.push(m[2]!);
    if (!m[3]) depth++;
  }
  return names;
}

let api: MemoryApiHarness;
beforeAll(async () => { api = await memoryApiHarness(); });

describe('Open311 answers shaped as real cities\' are', () => {
  it('a service in services.xml has the elements of Washington DC\'s', async () => {
    const ours = await api.call('GET', '/open311/v2/services.xml', { as: 'none' });
    expect(childNames(ours.text, 'service').sort()).toEqual(childNames(await fixture('dc-services.xml'), 'service').sort());
  });

  it('a request in requests.xml has the elements of Toronto\'s', async () => {
    await api.call('POST', '/open311/v2/requests.json', { as: 'none', ...form({ api_key: await reporterPass(api), service_code: 'icy-road', lat: 35.2, long: 113.2, description: 'ice' }) });
    const ours = await api.call('GET', '/open311/v2/requests.xml', { as: 'none' });
    expect(childNames(ours.text, 'request').sort()).toEqual(childNames(await fixture('toronto_requests_2018-07-30.xml'), 'request').sort());
  });

  it('discovery.json has the keys of Boston\'s, and its endpoint the same fields', async () => {
    const ours = (await api.call('GET', '/open311/discovery.json', { as: 'none' })).json;
    const boston = JSON.parse(await fixture('discovery-boston.json'));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(boston).sort());
    expect(Object.keys(ours.endpoints[0]).sort()).toEqual(Object.keys(boston.endpoints[0]).sort());
  });

  it('an error in XML is shaped as Boston\'s: errors, error, code, description', async () => {
    const ours = await api.call('POST', '/open311/v2/requests.xml', { as: 'none', ...form({ service_code: 'icy-road', lat: 35.2, long: 113.2 }) });
    const boston = await fixture('boston-err-submitrequest-base_is_duplicate.xml');
    expect(childNames(ours.text, 'errors')).toEqual(childNames(boston, 'errors'));
    expect(childNames(ours.text, 'error')).toEqual(childNames(boston, 'error'));
  });
});
