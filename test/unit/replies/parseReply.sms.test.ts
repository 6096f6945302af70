import { describe, expect, it } from 'vitest';
import { parseReply } from '../../../functions/core/replies/parseReply.ts';

describe('parseReply', () => {
  it.each([
    ['1', 'ack'], ['收到', 'ack'], ['确认', 'ack'], ['OK', 'ack'], ['ok', 'ack'], ['YES', 'ack'], ['好的', 'ack'],
    ['2', 'onsite'], ['到场', 'onsite'], ['到达', 'onsite'], ['on site', 'onsite'],
    ['3', 'done'], ['完成', 'done'], ['DONE', 'done'], ['done.', 'done'],
    ['9', 'cannot'], ['无法', 'cannot'], ['不能', 'cannot'], ["CAN'T", 'cannot'], ['can’t', 'cannot'], ['cant', 'cannot'],
  ])('reads %j as %s', (text, action) => {
    expect(parseReply(text)).toEqual({ kind: 'action', action });
  });

  it.each([['１', 'ack'], ['３', 'done'], ['９', 'cannot'], ['  1  ', 'ack'], ['1。', 'ack'], ['【1】', 'ack'], ['1!!', 'ack'], ['"2"', 'onsite']])(
    'reads full-width digits, spaces and punctuation: %j as %s', (text, action) => {
      expect(parseReply(text)).toEqual({ kind: 'action', action });
    },
  );

  it.each([['3 T07', 'done', 'T07'], ['T07 3', 'done', 'T07'], ['1T07', 'ack', 'T07'], ['t7 1', 'ack', 'T07'], ['Ｔ０７　３', 'done', 'T07'], ['T12收到', 'ack', 'T12'], ['9 T3', 'cannot', 'T03']])(
    'takes a task code from %j', (text, action, taskCode) => {
      expect(parseReply(text)).toEqual({ kind: 'action', action, taskCode });
    },
  );

  it('accepts a digit with a word that means the same, and a digit followed by a reason', () => {
    expect(parseReply('1 收到')).toEqual({ kind: 'action', action: 'ack' });
    expect(parseReply('9 车坏了')).toEqual({ kind: 'action', action: 'cannot' });
  });

  it('refuses a digit and a word that disagree', () => {
    expect(parseReply('1 完成').kind).toBe('unknown');
  });

  it.each(['STOP', 'stop', '退订', 'TD', 'UNSUBSCRIBE'])('honours %j as STOP', (text) => {
    expect(parseReply(text)).toEqual({ kind: 'stop' });
  });

  it.each(['HELP', 'help', '帮助', '?', '？'])('honours %j as HELP', (text) => {
    expect(parseReply(text)).toEqual({ kind: 'help' });
  });

  it.each(['车坏了怎么办', '12', 'T07', 'hello', ''])('does not guess at %j', (text) => {
    expect(parseReply(text).kind).toBe('unknown');
  });
});
