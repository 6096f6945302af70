import { describe, expect, it } from 'vitest';
import { Telemetry } from '../../../functions/adapters/observability/Telemetry.ts';
import { maskPhonesInText } from '../../../functions/adapters/observability/maskPhones.ts';
import { captureOutput, jsonLines } from '../../support/captureOutput.ts';

describe('maskPhonesInText', () => {
  it('masks every E.164 number in a text, keeping country code and the last four digits', () => {
    const text = maskPhonesInText('leader +8613900391001 did not answer; backup +12025550123 called');

    expect(text).toBe('leader +86 139****1001 did not answer; backup +1 202****0123 called');
  });

  it('leaves digits that are not a phone number alone: times, ids, counts', () => {
    const text = 'T07 at 2026-12-14T22:30:00Z, act-01JF2 wave 2, 1765670400000 ms';

    expect(maskPhonesInText(text)).toBe(text);
  });

  it('masks a national number written without a plus, as the API does (one rule)', () => {
    expect(maskPhonesInText('reply 13900391001 and 139 0039 1002')).toBe('reply 139****1001 and 139****1002');
  });

  it('is idempotent: a masked number is not masked again', () => {
    const once = maskPhonesInText('+8613900391001');

    expect(maskPhonesInText(once)).toBe(once);
  });
});

describe('the handlers\' logger', () => {
  const log = async (write: (telemetry: Telemetry) => void) => {
    const telemetry = new Telemetry('mask-test', 'snowops-test');
    const { lines } = await captureOutput(async () => write(telemetry));
    return { text: lines.join('\n'), entries: jsonLines(lines) };
  };

  it('masks a phone number passed by mistake in any attribute, however deep', async () => {
    const { text, entries } = await log((t) => t.logger.info('reply from +8613900391001', { crew: { leader: { phone: '+8613900391002' } }, recipients: ['+8613900391003'] }));

    expect(text).not.toMatch(/\+86139003910\d\d/);
    expect(entries[0]).toMatchObject({ message: 'reply from +86 139****1001', crew: { leader: { phone: '+86 139****1002' } }, recipients: ['+86 139****1003'] });
  });

  it('masks a phone number quoted in an error message and its stack', async () => {
    const { text, entries } = await log((t) => t.logger.error('sms failed', { error: new Error('InvalidParameter: PhoneNumber +8613900391004 is opted out') }));

    expect(text).not.toContain('+8613900391004');
    expect(entries[0]?.error.message).toBe('InvalidParameter: PhoneNumber +86 139****1004 is opted out');
  });

  it('masks a phone number used as an object key', async () => {
    const { text } = await log((t) => t.logger.info('segments per leader', { perLeader: { '+8613900391005': 2 } }));

    expect(text).toContain('"+86 139****1005":2');
    expect(text).not.toContain('+8613900391005');
  });

  it('writes structured JSON with the service, the deployment and, once known, the activation as correlation id', async () => {
    const { entries } = await log((t) => {
      t.correlate('act-01JF');
      t.logger.info('dispatched');
    });

    expect(entries[0]).toMatchObject({ level: 'INFO', message: 'dispatched', service: 'mask-test', deployment: 'snowops-test', correlation_id: 'act-01JF' });
  });
});
