import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse, Problem, SubscriptionCountsResponse, SubscriptionResponse } from '@treaty-watch/shared';
import { metricOf } from '../support/metrics';
import { headerOf, linkTo, oneClickOf, tokenIn, type Arrived } from '../support/smtp-inbox';
import { testClock } from '../support/test-clock';
import { useMailServer } from '../support/use-mail-server';

const clock = testClock();
const board = useMailServer({ now: clock.now, perAddressPerHour: 5 });
const MINUTE = 60_000;

const post = <T>(path: string, body: unknown) => board.api.post<T>(path, body, { token: null });
const postUpdate = (treatyId: string, body: Record<string, unknown>) =>
  board.api.post<PostUpdateResponse>(`/api/treaties/${treatyId}/updates`, body);
const subjects = (mails: Arrived[]) => mails.map((mail) => mail.parsed.subject);

/** What a reader's mail client does with a List-Unsubscribe-Post header (RFC 8058). */
const oneClick = (url: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

function expectWellFormed(mail: Arrived) {
  expect(headerOf(mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/subscriptions\/unsubscribe\?token=[\w-]{43}>$/);
  expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  expect(mail.parsed.text).toContain('/subscription#token=');
  expect(mail.parsed.html || '').toContain('/subscription#token=');
  expect(mail.parsed.from?.value[0]?.address).toBe('alerts@treaty-watch.test');
}

const storedAddress = (email: string) => board.server.app.store.subscriptions.transaction((tx) => tx.byEmail(email));

describe('email alerts', () => {
  it('mail only the confirmation until it is followed, then one message per update, until a one-click unsubscribe deletes the address', async () => {
    const email = 'reader@example.org';
    expect((await post('/api/subscriptions', { email: 'Reader@Example.org', treaties: ['new-start'] })).status).toBe(202);
    const [confirmation] = await board.delivered(email, 1);
    if (!confirmation) throw new Error('no confirmation');
    expect(confirmation.parsed.subject).toBe('Confirm your Treaty Watch alerts');
    expectWellFormed(confirmation);
    expect(confirmation.parsed.text).toContain('these treaties: new-start, a message for each change');

    await postUpdate('new-start', { headline: 'Posted before the reader confirmed' });
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(1);

    const token = tokenIn(linkTo(confirmation, '/subscribe/confirm'));
    const confirmed = await post<SubscriptionResponse>('/api/subscriptions/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.subscription).toMatchObject({ email, treaties: ['new-start'], cadence: 'immediate', confirmed: true });
    expect((await post('/api/subscriptions/confirm', { token })).status).toBe(404);

    const first = await postUpdate('new-start', {
      headline: 'Delegations meet in Geneva',
      body: 'Talks\nresume.',
      sourceUrl: 'https://example.org/geneva',
    });
    await postUpdate('inf', { headline: 'Not a treaty this reader follows' });
    await postUpdate('new-start', { headline: 'A second round is set' });
    const mails = await board.delivered(email, 3);
    await board.server.app.mail.check();
    expect(subjects(board.inbox.to(email))).toEqual([
      'Confirm your Treaty Watch alerts',
      'New START: Delegations meet in Geneva',
      'New START: A second round is set',
    ]);
    const [, update] = mails;
    if (!update) throw new Error('no update mail');
    expectWellFormed(update);
    expect(update.parsed.text).toContain('Talks\nresume.');
    expect(update.parsed.text).toContain('Source: https://example.org/geneva');
    expect(update.parsed.html).toContain('<a href="https://example.org/geneva">Source</a>');

    await board.api.post(`/api/updates/${first.body.update.id}/retract`, { reason: 'Wrong city' });
    const [, , , retraction] = await board.delivered(email, 4);
    expect(retraction?.parsed.subject).toBe('New START: Retracted: Delegations meet in Geneva');
    expect(retraction?.parsed.text).toContain('(Wrong city)');

    const answer = await oneClick(oneClickOf(update));
    expect(answer.status).toBe(200);
    expect(await storedAddress(email)).toBeUndefined();
    expect((await board.api.post('/api/subscriptions/lookup', { email })).status).toBe(404);
    await postUpdate('new-start', { headline: 'After the reader left' });
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(4);
    expect((await oneClick(oneClickOf(update))).status).toBe(404);
  });

  it('escape hostile text from the desk in HTML mail, and keep it one line in the subject', async () => {
    const email = 'hostile@example.org';
    await board.subscribed({ email, treaties: ['ctbt'] });
    await postUpdate('ctbt', {
      headline: '<script>alert(1)</script> & "quoted" \u202eevil',
      body: '<img src=x onerror=alert(1)>\n<a href="javascript:alert(1)">click</a>',
    });
    const [, mail] = await board.delivered(email, 2);
    if (!mail) throw new Error('no mail');
    expect(mail.parsed.subject).toBe('CTBT: <script>alert(1)</script> & "quoted" evil');
    expect(mail.parsed.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(mail.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(mail.parsed.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('refuse addresses that could be more than one recipient, break a header or run too long', async () => {
    for (const email of [
      'a@example.org\r\nBcc: victim@example.org',
      'a@example.org, b@example.org',
      '"a b"@example.org',
      '<a@example.org>',
      `${'x'.repeat(65)}@example.org`,
      `a@${'x'.repeat(250)}.org`,
      'a@localhost',
      '',
    ]) {
      const answer = await post<Problem>('/api/subscriptions', { email });
      expect([answer.status, answer.body.errors?.[0]?.field], JSON.stringify(email)).toEqual([400, 'email']);
    }
    expect(
      (await post<Problem>('/api/subscriptions', { email: 'ok@example.org', cadence: 'immediate', hour: 3 })).body.errors?.[0]?.field,
    ).toBe('hour');
    expect((await post<Problem>('/api/subscriptions', { email: 'ok@example.org', treaties: ['NOT A SLUG'] })).status).toBe(400);
  });

  it('mail an embargoed update only once it is published', async () => {
    const email = 'embargo@example.org';
    await board.subscribed({ email, treaties: ['npt'] });
    const publishAt = new Date(clock.now().getTime() + 10 * MINUTE).toISOString();
    expect((await postUpdate('npt', { headline: 'Held until the conference opens', publishAt })).status).toBe(202);
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(1);
    clock.advance(11 * MINUTE);
    await board.server.app.dueWork.check();
    const [, mail] = await board.delivered(email, 2);
    expect(mail?.parsed.subject).toBe('NPT: Held until the conference opens');
  });

  it('send a message that the mail server turned away once it takes mail again, and no duplicate after restarts', async () => {
    const email = 'restart@example.org';
    await board.subscribed({ email, treaties: ['inf'] });
    board.inbox.refuse();
    await postUpdate('inf', { headline: 'Queued while the mail server refuses' });
    await board.server.app.mail.check();
    await board.inbox.until(() => board.inbox.refused > 0, 10_000, 'a refused attempt');
    await board.server.restart();
    board.inbox.accept();
    clock.advance(MINUTE);
    await board.delivered(email, 2);
    await board.server.restart();
    clock.advance(60 * MINUTE);
    await board.server.app.mail.check();
    await board.server.restart();
    await board.server.app.mail.check();
    expect(subjects(board.inbox.to(email))).toEqual([
      'Confirm your Treaty Watch alerts',
      'INF Treaty: Queued while the mail server refuses',
    ]);
  });

  it('count in /metrics each message the mail server took and each it turned away', async () => {
    // A series appears with its first count: absent is none yet.
    const count = async (outcome: string) =>
      (await metricOf(board.server.url, `treaty_watch_mail_attempts_total{outcome="${outcome}"}`)) || 0;
    // What the mail server saw, beside what the process counted, once all that is due has been tried:
    // other tests' messages may go out meanwhile.
    const attempts = async () => {
      await board.server.app.mail.check();
      return {
        sent: await count('sent'),
        failed: await count('failed'),
        taken: board.inbox.arrived.length,
        refused: board.inbox.refused,
      };
    };
    const email = 'counted@example.org';
    const before = await attempts();
    await board.subscribed({ email, treaties: ['npt'] });
    board.inbox.refuse();
    await postUpdate('npt', { headline: 'Turned away, then taken' });
    await board.server.app.mail.check();
    await board.inbox.until(() => board.inbox.refused > 0, 10_000, 'a refused attempt');
    board.inbox.accept();
    clock.advance(MINUTE);
    await board.delivered(email, 2);
    const after = await attempts();
    expect(after.taken - before.taken).toBeGreaterThanOrEqual(2);
    expect(after.sent - before.sent).toBe(after.taken - before.taken);
    expect(after.failed - before.failed).toBe(after.refused - before.refused);
    expect(after.failed - before.failed).toBeGreaterThanOrEqual(1);
  });

  it('send a daily digest at its hour, with every update since the last, and none on a day with nothing', async () => {
    const email = 'digest@example.org';
    const hour = (clock.now().getUTCHours() + 2) % 24;
    const { subscription } = await board.subscribed({ email, treaties: ['open-skies'], cadence: 'daily', hour });
    expect(subscription).toMatchObject({ cadence: 'daily', hour });
    await postUpdate('open-skies', { headline: 'Morning: a first item for the digest' });
    await postUpdate('open-skies', { headline: 'Noon: a second item for the digest' });
    const digestAt = new Date(clock.now());
    digestAt.setUTCHours(hour, 0, 0, 0);
    if (digestAt <= clock.now()) digestAt.setUTCDate(digestAt.getUTCDate() + 1);
    clock.advance(digestAt.getTime() - clock.now().getTime() - MINUTE);
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(1);
    clock.advance(2 * MINUTE);
    const [, digest] = await board.delivered(email, 2);
    if (!digest) throw new Error('no digest');
    expectWellFormed(digest);
    expect(digest.parsed.subject).toMatch(/^Treaty Watch digest, \d{4}-\d\d-\d\d: 2 changes$/);
    expect(digest.parsed.text).toContain('Morning: a first item for the digest');
    expect(digest.parsed.text).toContain('Noon: a second item for the digest');
    clock.advance(24 * 60 * MINUTE);
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(2);
  });

  it('hold messages past the hourly allowance of an address until the hour has passed', async () => {
    const email = 'busy@example.org';
    await board.subscribed({ email, treaties: ['cfe'] });
    for (let i = 1; i <= 6; i += 1) await postUpdate('cfe', { headline: `Item ${i} of a busy day` });
    await board.delivered(email, 5);
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(5);
    clock.advance(61 * MINUTE);
    await board.delivered(email, 7);
    expect(subjects(board.inbox.to(email)).slice(1)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `CFE Treaty: Item ${i} of a busy day`));
  });

  it('let the reader change and end the subscription from the link in any message', async () => {
    const email = 'manage@example.org';
    const { confirmation } = await board.subscribed({ email });
    const token = tokenIn(linkTo(confirmation, '/subscription'));
    expect((await post<SubscriptionResponse>('/api/subscriptions/manage', { token })).body.subscription).toMatchObject({
      email,
      cadence: 'immediate',
      confirmed: true,
    });
    const changed = await board.api.patch<SubscriptionResponse>(
      '/api/subscriptions/manage',
      { token, treaties: ['tpnw'], cadence: 'daily', hour: 5 },
      { token: null },
    );
    expect(changed.body.subscription).toMatchObject({ treaties: ['tpnw'], cadence: 'daily', hour: 5 });
    expect((await post('/api/subscriptions/manage', { token: 'x'.repeat(43) })).status).toBe(404);
    expect((await post('/api/subscriptions/unsubscribe', { token })).status).toBe(200);
    expect(await storedAddress(email)).toBeUndefined();
  });

  it('show the admin counts, never addresses, and one address only when asked for it', async () => {
    await post('/api/subscriptions', { email: 'waiting@example.org' });
    const counts = await board.api.get<SubscriptionCountsResponse>('/api/subscriptions/counts');
    expect(counts.status).toBe(200);
    expect(JSON.stringify(counts.body)).not.toContain('@');
    expect(counts.body.counts.awaitingConfirmation).toBeGreaterThanOrEqual(1);
    expect(counts.body.counts.daily).toBe(1);
    expect(counts.body.counts.sentLastDay).toBeGreaterThan(0);
    expect((await board.api.get('/api/subscriptions/counts', { token: null })).status).toBe(401);
    const one = await board.api.post<SubscriptionResponse>('/api/subscriptions/lookup', { email: 'waiting@example.org' });
    expect(one.body.subscription).toMatchObject({ email: 'waiting@example.org', confirmed: false });
  });

  it('tell a confirmed address that asks again that it is subscribed, with its manage link, and change nothing', async () => {
    const email = 'known@example.org';
    await board.subscribed({ email, treaties: ['tpnw'] });
    // Within the hour of the confirmation, asking again mails nothing at all.
    await post('/api/subscriptions', { email });
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(1);
    clock.advance(61 * MINUTE);
    const again = await post('/api/subscriptions', { email, cadence: 'daily' });
    expect([again.status, again.body]).toEqual([202, { state: 'confirmation-sent' }]);
    const [, notice] = await board.delivered(email, 2);
    if (!notice) throw new Error('no notice');
    expect(notice.parsed.subject).toBe('You already get Treaty Watch alerts');
    expectWellFormed(notice);
    const token = tokenIn(linkTo(notice, '/subscription'));
    expect((await post<SubscriptionResponse>('/api/subscriptions/manage', { token })).body.subscription).toMatchObject({
      treaties: ['tpnw'],
      cadence: 'immediate',
    });
  });

  it('send a second confirmation for the same address at most once an hour', async () => {
    const email = 'again@example.org';
    for (let i = 0; i < 4; i += 1) expect((await post('/api/subscriptions', { email })).status).toBe(202);
    await board.delivered(email, 1);
    await board.server.app.mail.check();
    expect(board.inbox.to(email)).toHaveLength(1);
    clock.advance(61 * MINUTE);
    expect((await post('/api/subscriptions', { email })).status).toBe(202);
    const [first, second] = await board.delivered(email, 2);
    // Only the latest link confirms.
    expect((await post('/api/subscriptions/confirm', { token: tokenIn(linkTo(first as Arrived, '/subscribe/confirm')) })).status).toBe(404);
    expect((await post('/api/subscriptions/confirm', { token: tokenIn(linkTo(second as Arrived, '/subscribe/confirm')) })).status).toBe(
      200,
    );
  });
});
