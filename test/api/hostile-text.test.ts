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

const cases: Case[] = [
  {
    name: 'a bare CR in a headline',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'one\rBEGIN:VEVENT' },
    field: 'headline',
  },
  {
    name: 'a NUL in a headline',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'nul\u0000here' },
    field: 'headline',
  },
  {
    name: 'a line separator in a headline',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'a\u2028b' },
    field: 'headline',
  },
  {
    name: 'a lone surrogate in a headline',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'a\ud800b' },
    field: 'headline',
  },
  {
    name: 'a headline of zero-width characters',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: '\u200b\u200c\u200d\u2060\ufeff' },
    field: 'headline',
  },
  {
    name: 'a headline of bidi controls and spaces',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: ' \u202e\u2066 \u00a0' },
    field: 'headline',
  },
  {
    name: 'an escape character in a body',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'x', body: 'red\u001b[31m' },
    field: 'body',
  },
  {
    name: 'a NUL in a body',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'x', body: 'a\u0000b' },
    field: 'body',
  },
  {
    name: 'a line break in a source URL',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'x', sourceUrl: 'https://exa\nmple.org/' },
    field: 'sourceUrl',
  },
  {
    name: 'a quote in a source URL host',
    method: 'post',
    path: () => '/api/treaties/ctbt/updates',
    body: { headline: 'x', sourceUrl: 'https://a"b.org/' },
    field: 'sourceUrl',
  },
  {
    name: 'a CR in a corrected headline',
    method: 'patch',
    path: () => `/api/updates/${postedId}`,
    body: { headline: 'fixed\rDTSTART:1' },
    field: 'headline',
  },
  {
    name: 'a zero-width corrected headline',
    method: 'patch',
    path: () => `/api/updates/${postedId}`,
    body: { headline: '\u200b' },
    field: 'headline',
  },
  { name: 'a DEL in a corrected body', method: 'patch', path: () => `/api/updates/${postedId}`, body: { body: 'x\u007f' }, field: 'body' },
  {
    name: 'an invisible retraction reason',
    method: 'post',
    path: () => `/api/updates/${postedId}/retract`,
    body: { reason: '\u2060\n\u200b' },
    field: 'reason',
  },
  {
    name: 'a C1 control in a retraction reason',
    method: 'post',
    path: () => `/api/updates/${postedId}/retract`,
    body: { reason: 'hoax\u0085' },
    field: 'reason',
  },
  {
    name: 'a CR in a treaty name',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ name: 'Evil\rEND:VCALENDAR' }),
    field: 'name',
  },
  {
    name: 'a zero-width short name',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ shortName: '\u200d' }),
    field: 'shortName',
  },
  {
    name: 'a line break in a key date title',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ keyDates: [{ on: '2031-01-01T00:00:00Z', title: 'Vote\r\nBEGIN:VEVENT' }] }),
    field: 'keyDates.0.title',
  },
  {
    name: 'a blank key date title',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ keyDates: [{ on: '2031-01-01T00:00:00Z', title: '\ufeff' }] }),
    field: 'keyDates.0.title',
  },
  {
    name: 'a NUL in a limit label',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ limits: [{ label: 'warheads\u0000', value: 1, unit: '' }] }),
    field: 'limits.0.label',
  },
  {
    name: 'a bell in a source title',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ sources: [{ title: 'ding\u0007', url: 'https://example.org/' }] }),
    field: 'sources.0.title',
  },
  {
    name: 'a tab in a source URL',
    method: 'post',
    path: () => '/api/treaties',
    body: treaty({ sources: [{ title: 'Text', url: 'https://example.org/a\tb' }] }),
    field: 'sources.0.url',
  },
  {
    name: 'a CR in a changed treaty name',
    method: 'patch',
    path: () => '/api/treaties/ctbt',
    body: { name: 'CTBT\rUID:x' },
    field: 'name',
    ifMatch: true,
  },
  {
    name: 'a changed short name of bidi marks',
    method: 'patch',
    path: () => '/api/treaties/ctbt',
    body: { shortName: '\u200e\u200f' },
    field: 'shortName',
    ifMatch: true,
  },
  {
    name: 'a line break in a webhook description',
    method: 'post',
    path: () => '/api/webhooks',
    body: { url: 'http://127.0.0.1:9/hook', description: 'desk\nX-Injected: 1' },
    field: 'description',
  },
  { name: 'a CR in a webhook URL', method: 'post', path: () => '/api/webhooks', body: { url: 'http://127.0.0.1:9/\r' }, field: 'url' },
  { name: 'a CR in a token name', method: 'post', path: () => '/api/tokens', body: { role: 'editor', name: 'desk\rtwo' }, field: 'name' },
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
