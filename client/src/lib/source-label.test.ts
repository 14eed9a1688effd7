import { describe, expect, it } from 'vitest';
import { sourceLabel } from './source-label';

describe('sourceLabel', () => {
  it('tells three pages of one site apart by their paths', () => {
    const labels = [
      'https://www.state.gov/new-start/',
      'https://www.state.gov/new-start-treaty-aggregate-numbers-of-strategic-offensive-arms-5/',
      'https://2009-2017.state.gov/t/avc/newstart/index.htm',
    ].map((url) => sourceLabel(url));
    expect(labels).toEqual([
      'state.gov/new-start',
      'state.gov/new-start-treaty-aggregate-numbers-of-strategic-offensive-arms-5',
      '2009-2017.state.gov/t/avc/newstart/index.htm',
    ]);
  });

  it('keeps the query that picks the page, and the start and end of a long path', () => {
    expect(sourceLabel('https://www.hsdl.org/?abstract&did=9695')).toBe('hsdl.org?abstract&did=9695');
    const long = sourceLabel(`https://example.org/${'a'.repeat(200)}/end-of-path`, 40);
    expect(long).toHaveLength(40);
    expect(long.startsWith('example.org/')).toBe(true);
    expect(long.endsWith('end-of-path')).toBe(true);
  });

  it('shows a malformed escape or a non-URL as written, never throwing', () => {
    expect(sourceLabel('https://example.org/%E0%A4%A')).toBe('example.org/%E0%A4%A');
    expect(sourceLabel('not a url')).toBe('not a url');
  });
});
