import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('SESSION_IDLE_HOURS', () => {
  it('defaults to 12 hours and takes fractions', () => {
    expect(loadConfig({}).sessionIdleMs).toBe(12 * 60 * 60 * 1000);
    expect(loadConfig({ SESSION_IDLE_HOURS: '0.5' }).sessionIdleMs).toBe(30 * 60 * 1000);
  });

  it('refuses what is not a positive number of hours, up to a year, naming the variable', () => {
    for (const bad of ['0', '-1', 'twelve', '1e9', 'Infinity', '12h']) {
      expect(() => loadConfig({ SESSION_IDLE_HOURS: bad }), bad).toThrow(/SESSION_IDLE_HOURS/);
    }
  });
});
