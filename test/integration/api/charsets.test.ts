import { beforeAll, describe, expect, it } from 'vitest';
import { memoryApiHarness, type MemoryApiHarness } from '../../support/apiHarness.ts';

/** "焦作 roads" as GBK bytes (焦 B D B 9, 作 D7 F7): what a Chinese spreadsheet saves as "CSV" by default. */
const GBK_NAME = Buffer.from([0xbd, 0xb9, 0xd7, 0xf7]);

describe('bodies in a charset other than UTF-8 (issue 14, defect 9)', () => {
  let h: MemoryApiHarness;
  beforeAll(async () => { h = await memoryApiHarness(); });

  it('refuses a JSON body declared ISO-8859-1 with 415 naming the charset, and opens no activation', async () => {
    const body = Buffer.from(JSON.stringify({ level: 'II', reason: 'Schnee über 10 mm' }), 'latin1');
    const res = await h.call('POST', '/activations', { as: 'officer', rawBody: body, headers: { 'Content-Type': 'application/json; charset=ISO-8859-1' } });
    expect(res.status).toBe(415);
    expect(res.json.detail).toContain('ISO-8859-1');
    expect(res.json.detail).toContain('UTF-8');
    expect(await h.deps.activations.getOpenActivation()).toBeUndefined();
  });

  it('refuses a CSV declared GBK with 415 naming the charset', async () => {
    const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: Buffer.concat([Buffer.from('id,name\nR900,'), GBK_NAME]), headers: { 'Content-Type': 'text/csv; charset=gbk' } });
    expect(res.status).toBe(415);
    expect(res.json.detail).toContain('gbk');
  });

  it('refuses a CSV whose bytes are not UTF-8 although no charset is declared, and writes nothing', async () => {
    const before = await h.deps.registry.listRoads();
    const file = Buffer.concat([Buffer.from('id,name,zone,tier,lane_km,lat,lon,passes,agent_allowed\nR900,'), GBK_NAME, Buffer.from(',jiefang,1,2,35.2,113.2,plough,yes\n')]);
    const res = await h.call('POST', '/registry/import/roads', { as: 'admin', rawBody: file, headers: { 'Content-Type': 'text/csv' } });
    expect(res.status).toBe(415);
    expect(res.json.detail).toContain('not valid UTF-8');
    expect(await h.deps.registry.listRoads()).toEqual(before);
  });

  it('takes a body declared utf-8 in any spelling', async () => {
    const res = await h.call('POST', '/activations/preview', { as: 'officer', rawBody: JSON.stringify({ level: 'IV' }), headers: { 'Content-Type': 'application/json; charset="UTF8"' } });
    expect(res.status).toBe(200);
  });
});
