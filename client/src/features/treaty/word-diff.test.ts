import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordDiff, type DiffPart } from './word-diff';

const side = (parts: DiffPart[], skip: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks only the word that changed', () => {
    expect(wordDiff('Review conference opens in New Yrok', 'Review conference opens in New York')).toEqual([
      { kind: 'same', text: 'Review conference opens in New ' },
      { kind: 'removed', text: 'Yrok' },
      { kind: 'added', text: 'York' },
    ]);
  });

  it('finds words added and removed in the middle', () => {
    expect(wordDiff('Russia offers a moratorium', 'Russia offers an inspection moratorium today')).toEqual([
      { kind: 'same', text: 'Russia offers ' },
      { kind: 'removed', text: 'a' },
      { kind: 'added', text: 'an' },
      { kind: 'same', text: ' ' },
      { kind: 'added', text: 'inspection ' },
      { kind: 'same', text: 'moratorium' },
      { kind: 'added', text: ' today' },
    ]);
  });

  it('says nothing changed for the same text, and handles empty sides', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('', 'new body')).toEqual([{ kind: 'added', text: 'new body' }]);
    expect(wordDiff('old body', '')).toEqual([{ kind: 'removed', text: 'old body' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('keeps markup-looking text as text', () => {
    expect(side(wordDiff('<b>x</b>', '<script>alert(1)</script>'), 'removed')).toBe('<script>alert(1)</script>');
  });

  it('answers a huge rewrite without building a huge table', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('always rebuilds both wordings exactly', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '\n', 'dé', '  '), { maxLength: 30 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
      }),
    );
  });
});
