import { describe, expect, it } from 'vitest';
import { emptyDraft } from './post-update';
import { parseDraft } from './draft-store';

describe('parseDraft', () => {
  it('gives back a kept draft', () => {
    const draft = { ...emptyDraft, treatyId: 'npt', headline: 'Conference opens', status: 'suspended' };
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });
  it('gives an empty draft for nothing kept or text that is not a draft', () => {
    for (const text of [null, '', '{', 'null', '42', '"headline"', '[1,2]', '\u0000\u001b[2J'])
      expect(parseDraft(text)).toEqual(emptyDraft);
  });
  it('keeps only string fields it knows, of a length the form allows', () => {
    const text = JSON.stringify({
      headline: 'ok',
      body: 7,
      sourceUrl: 'x'.repeat(1_000_000),
      token: 'tw_secret',
      __proto__: { status: 'in_force' },
    });
    const draft = parseDraft(text);
    expect(draft).toEqual({ ...emptyDraft, headline: 'ok' });
    expect(JSON.stringify(draft)).not.toMatch(/tw_secret/);
    expect(parseDraft('{"__proto__":{"headline":"polluted"}}')).toEqual(emptyDraft);
  });
});
