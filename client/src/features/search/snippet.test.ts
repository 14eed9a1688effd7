import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

const cut = (s: { text: string; marks: { start: number; end: number }[] }) => s.marks.map((m) => s.text.slice(m.start, m.end));

describe('a result snippet', () => {
  it('shows a short body whole', () => {
    expect(snippet('A short body about Kaliningrad', [{ start: 19, end: 30 }])).toEqual({
      text: 'A short body about Kaliningrad',
      marks: [{ start: 19, end: 30 }],
    });
  });

  it('cuts a long body around its first match and keeps the marks on the same words', () => {
    const text = `${'lorem '.repeat(100)}Kaliningrad ${'ipsum '.repeat(100)}`;
    const start = text.indexOf('Kaliningrad');
    const shown = snippet(text, [{ start, end: start + 11 }]);
    expect(shown.text.startsWith('…')).toBe(true);
    expect(shown.text.endsWith('…')).toBe(true);
    expect(cut(shown)).toEqual(['Kaliningrad']);
    expect(shown.text.length).toBeLessThan(300);
  });
});
