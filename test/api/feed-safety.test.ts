import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostUpdateResponse, TreatyResponse } from '@treaty-watch/shared';
import type { TestServer } from '../support/in-process-server';
import { rawRequest } from '../support/raw-http';
import { useServer } from '../support/use-server';

/*
 * A database from before the write schemas refused control characters may hold any of them:
 * the feeds and the calendar must stay valid and say what was meant, whatever is stored.
 */
const HOSTILE = '\r\u0000\u0001\u0008\u000b\u000c\u001b\u001f\u007f\u0085\u009b\udfff\ud800\ufffe\uffff';
/** What the XML and JSON feeds keep of it: the CR, as a CR. */
const KEPT = '\r';

const FEEDS = ['/feeds/updates.atom', '/feeds/treaties/hostile.atom', '/feeds/updates.json', '/feeds/deadlines.ics'];
const day = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);

const board = useServer();
let updateId = '';

/** GET with whatever headers a client may forge, Host included (fetch will not send that one). */
async function get(path: string, headers: Record<string, string> = {}, from: TestServer = board.server) {
  const answer = await rawRequest(from.url, 'GET', path, headers);
  if (!answer) throw new Error(`Node refused to send GET ${path}`);
  return answer;
}

beforeAll(async () => {
  const created = await board.api.post<TreatyResponse>('/api/treaties', {
    id: 'hostile',
    name: 'Hostile treaty',
    shortName: 'Hostile',
    category: 'test_ban',
    status: 'in_force',
    expiresAt: `${day(100)}T00:00:00.000Z`,
    keyDates: [{ on: `${day(50)}T00:00:00.000Z`, title: 'Vote' }],
  });
  expect(created.status).toBe(201);
  const posted = await board.api.postUpdate<PostUpdateResponse>('hostile', { headline: 'Clean for now', body: 'Clean' });
  updateId = posted.body.update.id;
  // As an older version of the server, which refused none of it, would have stored it.
  const { store } = board.server.app;
  await store.transaction(async (tx) => {
    const treaty = created.body.treaty;
    await tx.saveTreaty({
      ...treaty,
      name: `Bad${HOSTILE}END:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected\u2028X-INJECTED:1`,
      shortName: `Hostile${HOSTILE}`,
      keyDates: [
        {
          on: `${day(50)}T00:00:00.000Z`,
          title: `Vote\rEND:VEVENT\r\nBEGIN:VEVENT\nUID:injected${HOSTILE}\u2029DTSTART:20990101`,
          sourceUrl: 'https://example.org/a b"<c>',
        },
      ],
    });
    const update = await tx.getUpdate(updateId);
    if (!update) throw new Error('the update was just posted');
    await tx.saveUpdate({
      ...update,
      headline: `Head${HOSTILE}line`,
      body: `one${HOSTILE}two\n\tthree`,
      sourceUrl: 'https://example.org/a b"<c>',
    });
  });
  // A change through the API, so that the feeds are built again from what is stored now.
  expect((await board.api.postUpdate('npt', { headline: 'Something else' })).status).toBe(201);
});

/** The characters XML 1.0 allows (its Char production), less the C1 controls it discourages. */
const XML_TEXT = /^[\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('feeds built from stored control characters', () => {
  it('Atom stays well-formed XML 1.0, and a CR in a headline or body comes back as a CR', async () => {
    for (const path of ['/feeds/updates.atom', '/feeds/treaties/hostile.atom']) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(XML_TEXT.test(body), path).toBe(true);
      expect(SyntaxValidator.validate(body)).toBe(true);
      const parsed = new XMLParser({
        ignoreAttributes: false,
        processEntities: true,
        htmlEntities: true,
        isArray: (name) => ['entry', 'link'].includes(name),
      }).parse(body) as {
        feed: {
          entry: { id: string; title: { '#text': string }; content: { '#text': string }; link: { '@_rel': string; '@_href': string }[] }[];
        };
      };
      const entry = parsed.feed.entry.find((e) => e.id === `urn:treaty-watch:update:${updateId}`);
      expect(entry?.title['#text']).toBe(`Hostile${KEPT}: Head${KEPT}line`);
      expect(entry?.content['#text']).toContain(`one${KEPT}two\n\tthree`);
      expect(entry?.link.find((l) => l['@_rel'] === 'related')?.['@_href']).toBe('https://example.org/a%20b%22%3Cc%3E');
    }
  });

  it('JSON Feed holds no control character but line breaks and tabs', async () => {
    const { body } = await get('/feeds/updates.json');
    const feed = JSON.parse(body) as { items: { id: string; title: string; content_text: string; external_url?: string }[] };
    const strings: string[] = [];
    JSON.parse(body, (_key, value: unknown) => (typeof value === 'string' && strings.push(value), value));
    expect(strings.filter((s) => /[^\P{Cc}\t\n\r]|[\p{Cs}\ufffe\uffff]/u.test(s))).toEqual([]);
    const item = feed.items.find((i) => i.id === `urn:treaty-watch:update:${updateId}`);
    expect(item?.title).toBe(`Hostile${KEPT}: Head${KEPT}line`);
    expect(item?.content_text).toContain(`one${KEPT}two\n\tthree`);
    expect(item?.external_url).toBe('https://example.org/a%20b%22%3Cc%3E');
  });

  it('the calendar has exactly one event per date, and no line or property anyone injected', async () => {
    const { body } = await get('/feeds/deadlines.ics');
    const lines = body.split('\r\n');
    expect(lines.pop()).toBe('');
    // However a parser splits lines (bare CR, LF, U+2028, Python's splitlines), it finds the same ones.
    // eslint-disable-next-line no-control-regex -- the line breaks a parser may split on are what this looks for.
    expect(body.split(/\r\n|[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/u)).toEqual([...lines, '']);
    expect(lines.filter((line) => /[^\P{Cc}\t]|[\p{Cs}\ufffe\uffff]/u.test(line))).toEqual([]);
    expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
    const unfolded = lines.reduce<string[]>(
      (all, line) => (/^[ \t]/.test(line) ? [...all.slice(0, -1), `${all.at(-1) ?? ''}${line.slice(1)}`] : [...all, line]),
      [],
    );
    const names = new Set(unfolded.map((line) => /^[A-Z-]+/.exec(line)?.[0]));
    expect([...names].sort()).toEqual([
      'BEGIN',
      'CALSCALE',
      'DESCRIPTION',
      'DTSTAMP',
      'DTSTART',
      'END',
      'PRODID',
      'SUMMARY',
      'TRANSP',
      'UID',
      'URL',
      'VERSION',
      'X-WR-CALNAME',
    ]);
    const uids = unfolded.filter((line) => line.startsWith('UID:'));
    expect(unfolded.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(uids.length);
    expect(unfolded.filter((line) => line === 'END:VEVENT')).toHaveLength(uids.length);
    expect(unfolded.filter((line) => line === 'BEGIN:VCALENDAR')).toHaveLength(1);
    const hostile = uids.filter((uid) => uid.includes('-hostile-'));
    expect(hostile).toHaveLength(2);
    expect(hostile[0]).toMatch(new RegExp(`^UID:date-hostile-${day(50).replace(/-/g, '')}T000000Z-[0-9a-f]{12}@treaty-watch$`));
    expect(hostile[1]).toBe(`UID:expiry-hostile-${day(100).replace(/-/g, '')}@treaty-watch`);
    expect(new Set(uids).size).toBe(uids.length);

    const calendar = new ICAL.Component(ICAL.parse(body) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(uids.length);
    const vote = events.find((e) => e.uid.startsWith('date-hostile-'));
    expect(vote?.summary).toBe('Hostile\n: Vote\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected\n\nDTSTART:20990101');
    expect(vote?.startDate.toString()).toBe(day(50));
    expect(vote?.component.getFirstPropertyValue('url')).toBe('https://example.org/a%20b%22%3Cc%3E');
    expect(events.filter((e) => e.summary.includes('Injected') && !e.uid.includes('hostile'))).toEqual([]);
  });
});

describe('links in feeds and the calendar', () => {
  const FORGED = {
    host: 'evil.example',
    'x-forwarded-proto': 'javascript',
    'x-forwarded-host': 'evil.example:666',
    forwarded: 'host=evil.example;proto=javascript',
  };

  it('never come from the Host or X-Forwarded-* headers a client sends', async () => {
    for (const path of FEEDS) {
      const { status, body } = await get(path, FORGED);
      expect(status, path).toBe(200);
      expect(body, path).not.toMatch(/evil|javascript/i);
      expect(body, path).toContain(`${board.server.url}/treaties/`);
    }
    const atom = (await get('/feeds/updates.atom', FORGED)).body;
    expect(atom).toContain(`<link rel="self" type="application/atom+xml" href="${board.server.url}/feeds/updates.atom"/>`);
    const json = JSON.parse((await get('/feeds/updates.json', FORGED)).body) as {
      home_page_url: string;
      feed_url: string;
      items: { url: string }[];
    };
    expect(json.home_page_url).toBe(`${board.server.url}/`);
    expect(json.feed_url).toBe(`${board.server.url}/feeds/updates.json`);
    expect(json.items.every((i) => i.url.startsWith(`${board.server.url}/treaties/`))).toBe(true);
  });
});

describe('with PUBLIC_URL', () => {
  const behindProxy = useServer({ publicUrl: 'https://news.example/treaty-watch' });
  beforeAll(async () => {
    const created = await behindProxy.api.post('/api/treaties', {
      id: 'ending',
      name: 'Ending treaty',
      shortName: 'Ending',
      category: 'test_ban',
      status: 'in_force',
      expiresAt: `${day(100)}T00:00:00.000Z`,
    });
    expect(created.status).toBe(201);
  });

  it('links start with it, whatever the request says', async () => {
    const fetchForged = async (path: string) =>
      (await get(path, { host: 'evil.example', 'x-forwarded-proto': 'javascript' }, behindProxy.server)).body;
    const atom = await fetchForged('/feeds/updates.atom');
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="https://news.example/treaty-watch/feeds/updates.atom"/>');
    expect(atom).toContain('href="https://news.example/treaty-watch/treaties/');
    expect(atom).not.toMatch(/evil|javascript|127\.0\.0\.1/);
    const json = JSON.parse(await fetchForged('/feeds/updates.json')) as { feed_url: string; home_page_url: string };
    expect(json.feed_url).toBe('https://news.example/treaty-watch/feeds/updates.json');
    expect(json.home_page_url).toBe('https://news.example/treaty-watch/');
    expect(await fetchForged('/feeds/deadlines.ics')).toContain('URL:https://news.example/treaty-watch/treaties/');
  });
});
