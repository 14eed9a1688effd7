import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { useServer } from '../support/use-server';

const env = useServer();
const text = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${env.server.url}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    etag: response.headers.get('etag'),
    body: await response.text(),
  };
};

describe('feeds', () => {
  it('gives the latest updates as Atom, newest first, with sources and markup kept as text', async () => {
    const headline = '<img src=x onerror=alert(1)> & "quoted"';
    await env.api.postUpdate('ctbt', { headline, sourceUrl: 'https://example.org/ctbt?a=1&b=2' });
    const { status, type, body } = await text('/feeds/updates.atom');
    expect(status).toBe(200);
    expect(type).toContain('application/atom+xml');
    const feed = parseFeed(body);
    expect(feed.title).toBe('Treaty Watch: latest updates');
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]?.title).toBe(`CTBT: ${headline}`);
    expect(feed.items[0]?.url).toContain('/treaties/ctbt');
    expect(body).toContain('href="https://example.org/ctbt?a=1&amp;b=2"');
    expect(body).not.toContain('<img');
    const dates = feed.items.map((i) => i.published?.toISOString() ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('marks corrections and retractions', async () => {
    const { body: posted } = await env.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Wrongly worded' });
    expect((await env.api.patch(`/api/updates/${posted.update.id}`, { headline: 'Rightly worded' })).status).toBe(200);
    const { body: other } = await env.api.postUpdate<PostUpdateResponse>('npt', { headline: 'Never happened' });
    expect((await env.api.post(`/api/updates/${other.update.id}/retract`, { reason: 'A hoax' })).status).toBe(200);

    const feed = parseFeed((await text('/feeds/treaties/npt.atom')).body);
    expect(feed.title).toBe('Treaty Watch: NPT');
    const retracted = feed.items.find((i) => i.title?.includes('Never happened'));
    expect(retracted?.title).toBe('[Retracted] NPT: Never happened');
    expect(retracted?.content).toContain('A hoax');
    const corrected = feed.items.find((i) => i.title?.includes('Rightly worded'));
    expect(corrected?.content).toContain('earlier wording: “Wrongly worded”');
    expect(feed.items.every((i) => i.url?.endsWith('/treaties/npt'))).toBe(true);
  });

  it('gives the same as JSON Feed 1.1', async () => {
    const { type, body } = await text('/feeds/updates.json');
    expect(type).toContain('application/feed+json');
    // JSON Feed 1.1's required members: version, title, items; each item an id and content.
    const json = JSON.parse(body) as {
      version: string;
      title: string;
      feed_url: string;
      items: { id: string; content_text: string; date_published: string }[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('Treaty Watch: latest updates');
    expect(json.feed_url).toMatch(/\/feeds\/updates\.json$/);
    expect(json.items).toHaveLength(50);
    expect(
      json.items.every(
        (i) => i.id.startsWith('urn:treaty-watch:update:') && i.content_text.length > 0 && !Number.isNaN(Date.parse(i.date_published)),
      ),
    ).toBe(true);
  });

  it('answers 304 to a reader that has the current version, and a new version after a change', async () => {
    const first = await text('/feeds/updates.atom');
    expect((await text('/feeds/updates.atom', { 'if-none-match': first.etag ?? '' })).status).toBe(304);
    await env.api.postUpdate('npt', { headline: 'Something new' });
    const next = await text('/feeds/updates.atom', { 'if-none-match': first.etag ?? '' });
    expect(next.status).toBe(200);
    expect(next.etag).not.toBe(first.etag);
  });

  it('lists upcoming expiries in an iCalendar feed', async () => {
    const expiresAt = new Date(Date.now() + 40 * 24 * 3600_000).toISOString();
    const created = await env.api.post('/api/treaties', {
      id: 'future-term',
      name: 'A treaty, with commas; and semicolons',
      shortName: 'Future',
      category: 'strategic_arms',
      status: 'in_force',
      expiresAt,
    });
    expect(created.status).toBe(201);
    const { type, body } = await text('/feeds/deadlines.ics');
    expect(type).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(body) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toBe('Future expires');
    expect(events[0]?.startDate.toString()).toBe(expiresAt.slice(0, 10));
    expect(events[0]?.description).toContain('A treaty, with commas; and semicolons');
    expect(body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('puts key dates still to come on the calendar, in date order, and takes a treaty page link or their source', async () => {
    const day = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
    const opening = `${day(200)}T00:00:00.000Z`;
    const vote = `${day(30)}T15:30:00.000Z`;
    const voteAsSent = `${day(30)}T15:30:00.5Z`;
    const created = await env.api.post('/api/treaties', {
      id: 'calendar-dates',
      name: 'Calendar test treaty',
      shortName: 'Calendar',
      category: 'non_proliferation',
      status: 'in_force',
      keyDates: [
        { on: opening, title: 'Review Conference opens', sourceUrl: 'https://example.org/review conference' },
        { on: `${day(-3)}T00:00:00.000Z`, title: 'Preparatory committee closed' },
        { on: voteAsSent, title: 'Ratification vote' },
      ],
    });
    expect(created.status).toBe(201);
    const calendar = new ICAL.Component(ICAL.parse((await text('/feeds/deadlines.ics')).body) as unknown[]);
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .filter((e) => e.summary.startsWith('Calendar:'));
    expect(events.map((e) => e.summary)).toEqual(['Calendar: Ratification vote', 'Calendar: Review Conference opens']);
    const [timed, wholeDay] = events;
    expect(timed?.startDate.isDate).toBe(false);
    expect(timed?.startDate.toJSDate().toISOString()).toBe(vote);
    expect(wholeDay?.startDate.isDate).toBe(true);
    expect(wholeDay?.startDate.toString()).toBe(opening.slice(0, 10));
    expect(wholeDay?.component.getFirstPropertyValue('url')).toBe('https://example.org/review%20conference');
    expect(timed?.component.getFirstPropertyValue('url')).toBe(`${env.server.url}/treaties/calendar-dates`);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('answers an unknown treaty with a 404 problem', async () => {
    const { status, type } = await text('/feeds/treaties/warsaw-pact.atom');
    expect(status).toBe(404);
    expect(type).toContain('application/problem+json');
  });
});
