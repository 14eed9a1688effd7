import { beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Problem, Snapshot, TreatyDetailResponse, WebhooksResponse } from '@treaty-watch/shared';
import { useServer } from '../support/use-server';
import { formatValidator } from '../support/openapi-conformance';

const board = useServer();
let postedId = '';
beforeAll(async () => {
  postedId = (await board.api.postUpdate<PostUpdateResponse>('ctbt', { headline: 'To correct later' })).body.update.id;
});

/** Everything a refused write could have changed: the board, the updates, webhooks and tokens. */
async function everything() {
  const { serverTime: _serverTime, ...shown } = (await board.api.get<Snapshot>('/api/snapshot')).body;
  const hooks = await board.api.get('/api/webhooks');
  const tokens = await board.api.get('/api/tokens');
  const detail = await board.api.get('/api/treaties/ctbt', { token: null });
  return { board: shown, hooks: hooks.body, tokens: tokens.body, detail: detail.body };
}

const treaty = (fields: Record<string, unknown>) => ({
  id: 'hostile-text',
  name: 'A treaty',
  shortName: 'Hostile',
  category: 'test_ban',
  ...fields,
});

interface Case {
  name: string;
  method: 'post' | 'patch';
  path: () => string;
  body: unknown;
  field: string;
  ifMatch?: boolean;
}

/** A write that must be refused: what it sends to this route, and the one field its 400 names. */
const refusedBy =
  (method: Case['method'], path: () => string, extra: Pick<Case, 'ifMatch'> = {}) =>
  (name: string, body: unknown, field: string): Case => ({ name, method, path, body, field, ...extra });

const postUpdate = refusedBy('post', () => '/api/treaties/ctbt/updates');
const correctUpdate = refusedBy('patch', () => `/api/updates/${postedId}`);
const retractUpdate = refusedBy('post', () => `/api/updates/${postedId}/retract`);
const newTreaty = refusedBy('post', () => '/api/treaties');
const createTreaty = (name: string, fields: Record<string, unknown>, field: string) => newTreaty(name, treaty(fields), field);
const changeTreaty = refusedBy('patch', () => '/api/treaties/ctbt', { ifMatch: true });
const createWebhook = refusedBy('post', () => '/api/webhooks');
const createToken = refusedBy('post', () => '/api/tokens');

const cases: Case[] = [
  postUpdate('a bare CR in a headline', { headline: 'one\rBEGIN:VEVENT' }, 'headline'),
  postUpdate('a NUL in a headline', { headline: 'nul\u0000here' }, 'headline'),
  postUpdate('a line separator in a headline', { headline: 'a\u2028b' }, 'headline'),
  postUpdate('a lone surrogate in a headline', { headline: 'a\ud800b' }, 'headline'),
  postUpdate('a headline of zero-width characters', { headline: '\u200b\u200c\u200d\u2060\ufeff' }, 'headline'),
  postUpdate('a headline of bidi controls and spaces', { headline: ' \u202e\u2066 \u00a0' }, 'headline'),
  postUpdate('an escape character in a body', { headline: 'x', body: 'red\u001b[31m' }, 'body'),
  postUpdate('a NUL in a body', { headline: 'x', body: 'a\u0000b' }, 'body'),
  postUpdate('a line break in a source URL', { headline: 'x', sourceUrl: 'https://exa\nmple.org/' }, 'sourceUrl'),
  postUpdate('a quote in a source URL host', { headline: 'x', sourceUrl: 'https://a"b.org/' }, 'sourceUrl'),
  correctUpdate('a CR in a corrected headline', { headline: 'fixed\rDTSTART:1' }, 'headline'),
  correctUpdate('a zero-width corrected headline', { headline: '\u200b' }, 'headline'),
  correctUpdate('a DEL in a corrected body', { body: 'x\u007f' }, 'body'),
  retractUpdate('an invisible retraction reason', { reason: '\u2060\n\u200b' }, 'reason'),
  retractUpdate('a C1 control in a retraction reason', { reason: 'hoax\u0085' }, 'reason'),
  createTreaty('a CR in a treaty name', { name: 'Evil\rEND:VCALENDAR' }, 'name'),
  createTreaty('a zero-width short name', { shortName: '\u200d' }, 'shortName'),
  createTreaty(
    'a line break in a key date title',
    { keyDates: [{ on: '2031-01-01T00:00:00Z', title: 'Vote\r\nBEGIN:VEVENT' }] },
    'keyDates.0.title',
  ),
  createTreaty('a blank key date title', { keyDates: [{ on: '2031-01-01T00:00:00Z', title: '\ufeff' }] }, 'keyDates.0.title'),
  createTreaty('a NUL in a limit label', { limits: [{ label: 'warheads\u0000', value: 1, unit: '' }] }, 'limits.0.label'),
  createTreaty('a bell in a source title', { sources: [{ title: 'ding\u0007', url: 'https://example.org/' }] }, 'sources.0.title'),
  createTreaty('a tab in a source URL', { sources: [{ title: 'Text', url: 'https://example.org/a\tb' }] }, 'sources.0.url'),
  changeTreaty('a CR in a changed treaty name', { name: 'CTBT\rUID:x' }, 'name'),
  changeTreaty('a changed short name of bidi marks', { shortName: '\u200e\u200f' }, 'shortName'),
  createWebhook(
    'a line break in a webhook description',
    { url: 'http://127.0.0.1:9/hook', description: 'desk\nX-Injected: 1' },
    'description',
  ),
  createWebhook('a CR in a webhook URL', { url: 'http://127.0.0.1:9/\r' }, 'url'),
  createToken('a CR in a token name', { role: 'editor', name: 'desk\rtwo' }, 'name'),
];

describe('text a reader could not see, or that would break a feed, is refused', () => {
  it.each(cases)('$name → 400 naming $field, nothing stored', async (c) => {
    const before = await everything();
    const version = c.ifMatch ? (await board.api.get<TreatyDetailResponse>('/api/treaties/ctbt')).body.treaty.version : undefined;
    const response = await board.api[c.method]<Problem>(c.path(), c.body, { headers: version ? { 'if-match': `"${version}"` } : {} });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors?.map((e) => e.field)).toEqual([c.field]);
    expect(await everything()).toEqual(before);
  });
});

describe('text and URLs that are accepted are stored clean', () => {
  it('stores a body with CRLF and bare CR as LF, keeping its tabs', async () => {
    const { status, body } = await board.api.postUpdate<PostUpdateResponse>('ctbt', {
      headline: 'Line breaks',
      body: 'one\r\ntwo\rthree\n\tfour',
    });
    expect(status).toBe(201);
    expect(body.update.body).toBe('one\ntwo\nthree\n\tfour');
  });

  it('stores every URL normalised, so every answer holds the format: uri the document promises', async () => {
    const typed = 'HTTPS://Example.org/a b"c<d>e|f^g?q="1 2"#x y';
    const normalised = 'https://example.org/a%20b%22c%3Cd%3Ee%7Cf%5Eg?q=%221%202%22#x%20y';
    const posted = await board.api.postUpdate<PostUpdateResponse>('ctbt', { headline: 'A source typed by hand', sourceUrl: typed });
    expect(posted.status).toBe(201);
    expect(posted.body.update.sourceUrl).toBe(normalised);
    const created = await board.api.post(
      '/api/treaties',
      treaty({
        id: 'typed-urls',
        sources: [{ title: 'Text', url: typed }],
        keyDates: [{ on: '2031-01-01T00:00:00Z', title: 'Vote', sourceUrl: typed }],
      }),
    );
    expect(created.status).toBe(201);
    const hook = await board.api.post('/api/webhooks', { url: 'http://127.0.0.1:9/a b<c>', kinds: ['treaty.expired'] });
    expect(hook.status).toBe(201);

    const document = (await board.api.get('/api/openapi.json')).body;
    const ajv = formatValidator();
    ajv.addSchema(document as object, 'openapi.json');
    const conforms = (schema: string, body: unknown) => {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${schema}`);
      expect(validate, schema).toBeDefined();
      expect(validate?.(body), JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
    };
    const detail = await board.api.get<TreatyDetailResponse>('/api/treaties/typed-urls');
    expect(detail.body.treaty.sources[0]?.url).toBe(normalised);
    expect(detail.body.treaty.keyDates?.[0]?.sourceUrl).toBe(normalised);
    conforms('TreatyDetailResponse', detail.body);
    conforms('TreatyDetailResponse', (await board.api.get('/api/treaties/ctbt')).body);
    conforms('Snapshot', (await board.api.get('/api/snapshot')).body);
    const hooks = await board.api.get<WebhooksResponse>('/api/webhooks');
    expect(hooks.body.endpoints.map((e) => e.url)).toContain('http://127.0.0.1:9/a%20b%3Cc%3E');
    conforms('WebhooksResponse', hooks.body);
  });
});
