import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { oembedResponseSchema, type TreatyResponse } from '@treaty-watch/shared';
import { rawRequest } from '../support/raw-http';
import { useServer } from '../support/use-server';

/** Where readers reach the board: not the address the test connects to, as behind a proxy. */
const PUBLIC = 'https://news.example/treaty-watch';
const HOSTILE_NAME = '<script>alert(1)</script> & "x" \u0000\u001b\u0008\ufffe</text><text>';

const board = useServer({ publicUrl: PUBLIC });

beforeAll(async () => {
  const created = await board.api.post<TreatyResponse>('/api/treaties', {
    id: 'hostile',
    name: 'Hostile treaty',
    shortName: 'Hostile',
    category: 'test_ban',
    status: 'in_force',
  });
  expect(created.status).toBe(201);
  // As a server from before names were checked would have stored it.
  await board.server.app.store.transaction((tx) => tx.saveTreaty({ ...created.body.treaty, shortName: HOSTILE_NAME }));
  // A change through the API, so what is read is built again from what is stored now.
  expect((await board.api.postUpdate('hostile', { headline: 'Something' })).status).toBe(201);
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
type Svg = { svg: { role: string; 'aria-label': string; title: string; rect: unknown[]; g: { text: (string | { '#text': string })[] } } };
const textOf = (node: string | { '#text': string }) => (typeof node === 'string' ? node : node['#text']);

describe('the status badge', () => {
  it('is a valid SVG image naming the treaty and its status in words', async () => {
    const res = await fetch(`${board.server.url}/badge/ctbt.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await res.text();
    expect(SyntaxValidator.validate(body)).toBe(true);
    const { svg } = parser.parse(body) as Svg;
    expect(svg.role).toBe('img');
    expect(svg['aria-label']).toBe('CTBT: signed, not in force');
    expect(svg.title).toBe('CTBT: signed, not in force');
    expect(svg.g.text.map(textOf)).toEqual(['CTBT', 'signed, not in force']);
  });

  it('is as wide as its text', async () => {
    const widths = async (id: string) => {
      const body = await (await fetch(`${board.server.url}/badge/${id}.svg`)).text();
      return [/<svg[^>]* width="(\d+)"/, /<rect width="(\d+)"/].map((pattern) => Number(pattern.exec(body)?.[1]));
    };
    const [ctbt, ctbtName] = await widths('ctbt');
    const [, newStartName] = await widths('new-start');
    expect(newStartName).toBeGreaterThan(ctbtName ?? 0);
    // "signed, not in force" needs about 6 px a character at 11 px.
    expect((ctbt ?? 0) - (ctbtName ?? 0)).toBeGreaterThan(20 * 5);
  });

  it("answers 304 while the treaty's version holds, and a new image once it changes", async () => {
    const first = await fetch(`${board.server.url}/badge/inf.svg`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+-abandoned"$/);
    const again = await fetch(`${board.server.url}/badge/inf.svg`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await board.api.postUpdate('inf', { headline: 'A note on the record' })).status).toBe(201);
    const changed = await fetch(`${board.server.url}/badge/inf.svg`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('keeps a hostile name inert: escaped, valid, nothing injected', async () => {
    const body = await (await fetch(`${board.server.url}/badge/hostile.svg`)).text();
    expect(SyntaxValidator.validate(body)).toBe(true);
    expect(body).not.toContain('<script');
    expect(Array.from(body).filter((char) => (char < ' ' && char !== '\n') || char === '\ufffe')).toEqual([]);
    const { svg } = parser.parse(body) as Svg;
    expect(svg.g.text).toHaveLength(2);
    expect(textOf(svg.g.text[0] ?? '')).toBe('<script>alert(1)</script> & "x" </text><text>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('is a 404 problem for an unknown treaty, and a 4xx for hostile ids', async () => {
    const unknown = await fetch(`${board.server.url}/badge/nope.svg`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    for (const path of [
      '/badge/constructor.svg',
      '/badge/__proto__.svg',
      '/badge/%ZZ.svg',
      '/badge/..svg',
      '/badge/%2e%2e.svg',
      '/badge/%00.svg',
      `/badge/${'a'.repeat(5000)}.svg`,
      '/badge/CTBT.svg',
    ]) {
      const answer = await rawRequest(board.server.url, 'GET', path);
      expect(answer, path).toBeDefined();
      expect(answer?.status, path).toBeGreaterThanOrEqual(400);
      expect(answer?.status, path).toBeLessThan(500);
    }
  });
});

describe('oEmbed', () => {
  const oembed = (query: string) => fetch(`${board.server.url}/oembed?${query}`);

  it('answers rich JSON for a treaty widget URL, with the iframe of that widget', async () => {
    const res = await oembed(`url=${encodeURIComponent(`${PUBLIC}/embed/treaty/ctbt?theme=light`)}&format=json`);
    expect(res.status).toBe(200);
    const body = oembedResponseSchema.parse(await res.json());
    expect(body).toMatchObject({
      version: '1.0',
      type: 'rich',
      title: 'CTBT on Treaty Watch',
      provider_name: 'Treaty Watch',
      provider_url: `${PUBLIC}/`,
      width: 380,
      height: 170,
    });
    expect(body.html).toBe(
      `<iframe src="${PUBLIC}/embed/treaty/ctbt?theme=light" title="CTBT on Treaty Watch" width="380" height="170" style="border:0" loading="lazy"></iframe>`,
    );
  });

  it('answers for a treaty page and for the board widget, within maxwidth and maxheight', async () => {
    const page = oembedResponseSchema.parse(
      await (await oembed(`url=${encodeURIComponent(`${PUBLIC}/treaties/new-start`)}&maxwidth=300&maxheight=100`)).json(),
    );
    expect([page.width, page.height]).toEqual([300, 100]);
    expect(page.html).toContain(`src="${PUBLIC}/embed/treaty/new-start"`);
    const embedded = oembedResponseSchema.parse(
      await (await oembed(`url=${encodeURIComponent(`${PUBLIC}/embed/board?theme=sepia`)}`)).json(),
    );
    expect(embedded.html).toContain(`src="${PUBLIC}/embed/board"`);
    expect(embedded.title).toBe('Treaty Watch');
  });

  it('escapes what it puts in the iframe', async () => {
    const body = oembedResponseSchema.parse(await (await oembed(`url=${encodeURIComponent(`${PUBLIC}/embed/treaty/hostile`)}`)).json());
    expect(body.html).not.toContain('<script');
    expect(body.html.match(/"/g)).toHaveLength(2 * 6);
    expect(body.html).toContain('&lt;script&gt;');
  });

  it('is a 404 for any URL that is not one of its treaties or widgets on its public URL', async () => {
    for (const url of [
      `${PUBLIC}/embed/treaty/nope`,
      `${PUBLIC}/admin/tokens`,
      `${PUBLIC}/embed/treaty/ctbt/extra`,
      `${PUBLIC}-evil/embed/board`,
      'https://evil.example/treaty-watch/embed/board',
      `${board.server.url}/embed/board`,
      'https://user:pw@news.example/treaty-watch/embed/board',
      'not a url',
      'javascript:alert(1)',
    ]) {
      const res = await oembed(`url=${encodeURIComponent(url)}`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('is a 501 for XML and a 400 for bad input, never a 5xx', async () => {
    const widget = encodeURIComponent(`${PUBLIC}/embed/board`);
    expect((await oembed(`url=${widget}&format=xml`)).status).toBe(501);
    for (const query of [
      '',
      'url=',
      `url=${widget}&maxwidth=0`,
      `url=${widget}&maxwidth=abc`,
      `url=${widget}&url=${widget}`,
      `url=${'a'.repeat(3000)}`,
      `url=${widget}&maxheight=-1`,
    ]) {
      const res = await oembed(query);
      expect(res.status, query).toBe(400);
    }
    for (const path of ['/oembed?url=%ZZ', '/oembed?url=%00', '/oembed?url[a]=1', '/oembed?url=http://news.example/%E0%A4%A']) {
      const answer = await rawRequest(board.server.url, 'GET', path);
      expect(answer?.status, path).toBeGreaterThanOrEqual(400);
      expect(answer?.status, path).toBeLessThan(500);
    }
  });

  it('is discoverable from the HTML of every treaty page', async () => {
    const html = await (await fetch(`${board.server.url}/treaties/ctbt`)).text();
    const href = `${PUBLIC}/oembed?url=${encodeURIComponent(`${PUBLIC}/treaties/ctbt`)}&amp;format=json`;
    expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${href}"`);
    expect(await (await fetch(`${board.server.url}/`)).text()).not.toContain('json+oembed');
    for (const path of ['/treaties/%ZZ', '/treaties/constructor', '/treaties/%3Cscript%3E', '/treaties/..%2f..']) {
      const answer = await rawRequest(board.server.url, 'GET', path);
      expect(answer?.status, path).toBeLessThan(500);
      expect(answer?.body, path).not.toContain('<script>');
    }
  });
});
