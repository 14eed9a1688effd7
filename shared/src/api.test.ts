import { describe, expect, it } from 'vitest';
import { postUpdateBodySchema } from './api';

describe('postUpdateBodySchema', () => {
  it('accepts a full update and trims the headline', () => {
    const parsed = postUpdateBodySchema.parse({
      headline: '  NATO rejects moratorium offer  ',
      body: 'Not a credible offer.',
      status: 'abandoned',
      sourceUrl: 'https://www.nato.int/news',
      occurredAt: '2019-09-25T12:00:00Z',
    });
    expect(parsed.headline).toBe('NATO rejects moratorium offer');
    expect(parsed.status).toBe('abandoned');
  });

  it.each([
    ['an empty headline', { headline: '' }, 'headline'],
    ['a 201-character headline', { headline: 'x'.repeat(201) }, 'headline'],
    ['a status outside the vocabulary', { headline: 'x', status: 'expiring' }, 'status'],
    ['a mailto: source', { headline: 'x', sourceUrl: 'mailto:desk@example.org' }, 'sourceUrl'],
    ['a data: source', { headline: 'x', sourceUrl: 'data:text/html,hi' }, 'sourceUrl'],
    ['a local-time occurredAt', { headline: 'x', occurredAt: '2019-09-25T12:00:00+02:00' }, 'occurredAt'],
  ])('refuses %s, naming the field', (_what, body, field) => {
    const result = postUpdateBodySchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('accepts a 200-character headline exactly', () => {
    expect(postUpdateBodySchema.safeParse({ headline: 'x'.repeat(200) }).success).toBe(true);
  });
});
