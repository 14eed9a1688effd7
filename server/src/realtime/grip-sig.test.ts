import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validGripSig } from './grip-sig';

const NOW = Date.UTC(2026, 0, 1);
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (claims: unknown, key = 'the-key', header: unknown = { typ: 'JWT', alg: 'HS256' }) => {
  const body = `${part(header)}.${part(claims)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
};
const fresh = { iss: 'pushpin', exp: NOW / 1000 + 3600 };

describe('Grip-Sig', () => {
  it('takes the JWT Pushpin signs with the shared key, unexpired', () => {
    expect(validGripSig(signed(fresh), 'the-key', NOW)).toBe(true);
  });

  it('refuses one that anybody else could send', () => {
    const cases = {
      missing: undefined,
      'any text': 'yes',
      'another key': signed(fresh, 'guessed'),
      expired: signed({ ...fresh, exp: NOW / 1000 - 1 }),
      'no expiry': signed({ iss: 'pushpin' }),
      'another issuer': signed({ ...fresh, iss: 'someone' }),
      'unsigned (alg none)': `${part({ alg: 'none' })}.${part(fresh)}.`,
      'another algorithm, same key': signed(fresh, 'the-key', { alg: 'HS512' }),
      'claims changed after signing': `${signed(fresh).split('.')[0]}.${part({ ...fresh, exp: NOW / 1000 + 1e9 })}.${signed(fresh).split('.')[2]}`,
      'extra part': `${signed(fresh)}.x`,
    };
    for (const [what, token] of Object.entries(cases)) expect(validGripSig(token, 'the-key', NOW), what).toBe(false);
  });
});
