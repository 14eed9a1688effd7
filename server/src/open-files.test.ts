import { describe, expect, it } from 'vitest';
import { parseOpenFileLimit } from './open-files';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max processes             63414                63414                processes
Max open files            1024                 20000                files
Max locked memory         8388608              8388608              bytes
`;

describe('the open-file limit read from /proc/self/limits', () => {
  it('reads the soft and the hard limit, numbers or unlimited', () => {
    expect(parseOpenFileLimit(LIMITS)).toEqual({ soft: 1024, hard: 20000 });
    expect(parseOpenFileLimit(LIMITS.replace('1024                 20000', '4096                 unlimited'))).toEqual({
      soft: 4096,
      hard: 'unlimited',
    });
  });

  it('says nothing rather than guess when the line is missing or malformed', () => {
    for (const text of [
      '',
      LIMITS.replace('Max open files', 'Max open filez'),
      'Max open files  -1  20000  files',
      'Max open files  1024  files',
      `Max open files  ${'9'.repeat(30)}  20000  files`,
      'Max open files\u0000 1024 20000 files',
    ]) {
      expect(parseOpenFileLimit(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
