import { describe, expect, it } from 'vitest';
import type { ReplyAction } from '../../../functions/core/replies/ReplyIntent.ts';
import { parseReply } from '../../../functions/core/replies/parseReply.ts';

const action = (a: ReplyAction, taskCode?: string) => ({ kind: 'action', action: a, ...(taskCode ? { taskCode } : {}) });

describe('parseReply', () => {
  describe('digits', () => {
    it.each([
      ['1', 'ack'],
      ['2', 'onsite'],
      ['3', 'done'],
      ['9', 'cannot'],
    ] as const)('reads "%s" as %s', (text, a) => {
      expect(parseReply(text)).toEqual(action(a));
    });

    it.each([
      ['１', 'ack'],
      ['２', 'onsite'],
      ['３', 'done'],
      ['９', 'cannot'],
    ] as const)('reads the full-width digit "%s" as %s', (text, a) => {
      expect(parseReply(text)).toEqual(action(a));
    });
  });

  describe('words', () => {
    it.each([
      ['收到', 'ack'],
      ['确认', 'ack'],
      ['OK', 'ack'],
      ['ok', 'ack'],
      ['YES', 'ack'],
      ['yes', 'ack'],
      ['到场', 'onsite'],
      ['到达', 'onsite'],
      ['完成', 'done'],
      ['DONE', 'done'],
      ['done', 'done'],
      ['无法', 'cannot'],
      ['不能', 'cannot'],
      ["CAN'T", 'cannot'],
      ["can't", 'cannot'],
      ['can’t', 'cannot'],
    ] as const)('reads "%s" as %s', (text, a) => {
      expect(parseReply(text)).toEqual(action(a));
    });
  });

  describe('spacing and punctuation', () => {
    it.each([
      ['  1  ', 'ack'],
      ['1.', 'ack'],
      ['1!', 'ack'],
      ['1。', 'ack'],
      ['收到！', 'ack'],
      ['  收到，', 'ack'],
      ['OK!!', 'ack'],
      ['（3）', 'done'],
      ['"done"', 'done'],
      ['\t2\n', 'onsite'],
    ] as const)('reads %j as %s', (text, a) => {
      expect(parseReply(text)).toEqual(action(a));
    });
  });

  describe('task codes', () => {
    it.each([
      ['3 T07', 'done', 'T07'],
      ['T7 3', 'done', 'T07'],
      ['t07 1', 'ack', 'T07'],
      ['3T07', 'done', 'T07'],
      ['2  T12', 'onsite', 'T12'],
      ['T 07 9', 'cannot', 'T07'],
      ['３ Ｔ０７', 'done', 'T07'],
      ['完成 T07', 'done', 'T07'],
      ['T123 1', 'ack', 'T123'],
    ] as const)('reads %j as %s for task %s', (text, a, code) => {
      expect(parseReply(text)).toEqual(action(a, code));
    });
  });

  describe('STOP and HELP', () => {
    it.each(['STOP', 'stop', 'Stop.', '退订', 'TD'])('reads %j as a request to stop SMS', (text) => {
      expect(parseReply(text)).toEqual({ kind: 'stop' });
    });

    it.each(['HELP', 'help', '帮助', '0', '?', '？'])('reads %j as a request for help', (text) => {
      expect(parseReply(text)).toEqual({ kind: 'help' });
    });
  });

  describe('unknown text', () => {
    it.each(['路上有车祸', '4', '12', 'maybe later', '', 'T07', 'OK DONE'])('reads %j as unknown', (text) => {
      expect(parseReply(text)).toEqual({ kind: 'unknown', text });
    });

    it('keeps at most 160 characters of an unknown reply', () => {
      const long = '雪'.repeat(200);

      expect(parseReply(long)).toEqual({ kind: 'unknown', text: '雪'.repeat(160) });
    });
  });
});
