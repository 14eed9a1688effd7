import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { postUpdate } from '../support/api-client';
import { openPage } from '../support/browser-page';
import { hasChromium } from '../support/chromium';
import { freePort } from '../support/spawned-server';
import { useChromium } from '../support/use-chromium';

/** A reader's article on another origin, framing the widget. */
async function articleSite(port: number, src: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><title>Article</title><h1>Article</h1><iframe id="tw" src="${src}" width="380" height="170"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const allowedPort = await freePort();
const env = useChromium({ embedOrigins: [`http://127.0.0.1:${allowedPort}`] });

describe.skipIf(!hasChromium)('embeds', () => {
  it('may be framed only by the configured origins', async () => {
    const embed = await fetch(`${env.server.url}/embed/treaty/inf`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' http://127.0.0.1:${allowedPort}`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const board = await fetch(`${env.server.url}/`);
    expect(board.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it("gives a treaty's party summary in its widget", async () => {
    const { page, errors } = await openPage(env.browser, `${env.server.url}/embed/treaty/ctbt`);
    await expect
      .poll(() => page.locator('[data-treaty-id="ctbt"] [data-party-summary]').innerText())
      .toBe('Signed, not in force · 9 of 44 Annex 2 ratifications missing');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a live widget inside an allowed article, and nothing inside any other', async () => {
    const allowed = await articleSite(allowedPort, `${env.server.url}/embed/treaty/new-start`);
    const otherPort = await freePort();
    const other = await articleSite(otherPort, `${env.server.url}/embed/treaty/new-start`);
    try {
      const { page, errors } = await openPage(env.browser, `http://127.0.0.1:${allowedPort}/`);
      const widget = page.frameLocator('#tw');
      await widget.locator('[data-treaty-id="new-start"]').waitFor();
      expect(await widget.locator('[data-treaty-id="new-start"]').innerText()).toMatch(/New START[\s\S]*Expired/);
      await postUpdate(env.server.url, 'new-start', { headline: 'Geneva talks resume' });
      await widget.getByText('Geneva talks resume').waitFor({ timeout: 3000 });
      expect(errors).toEqual([]);
      await page.close();

      const elsewhere = await env.browser.newPage();
      const refusals: string[] = [];
      elsewhere.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
      });
      const [served] = await Promise.all([
        elsewhere.waitForResponse(`${env.server.url}/embed/treaty/new-start`),
        elsewhere.goto(`http://127.0.0.1:${otherPort}/`),
      ]);
      // The widget was served, with a policy that leaves this origin out, and the browser refused to show it.
      expect(served.status()).toBe(200);
      const policy = (await served.headerValue('content-security-policy')) ?? '';
      expect(policy).toContain(`frame-ancestors 'self' http://127.0.0.1:${allowedPort}`);
      expect(policy).not.toContain(`127.0.0.1:${otherPort}`);
      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      expect(await elsewhere.frameLocator('#tw').locator('[data-treaty-id]').count()).toBe(0);
      await elsewhere.close();
    } finally {
      allowed.close();
      other.close();
    }
  });

  it('follows its treaty on the event stream, no WebSocket, and catches up by Last-Event-ID after a lost connection', async () => {
    const page = await env.browser.newPage();
    // What the widget's EventSource hears, kept where the test can read it.
    await page.addInitScript(() => {
      const heard: { type: string; id: string }[] = [];
      Object.assign(window, { heard });
      window.EventSource = class extends EventSource {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          for (const type of ['snapshot', 'change']) this.addEventListener(type, (e) => heard.push({ type, id: e.lastEventId }));
        }
      };
    });
    const streams: string[] = [];
    const sockets: string[] = [];
    page.on('request', (r) => r.resourceType() === 'eventsource' && streams.push(r.url()));
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const heard = () => page.evaluate(() => (window as unknown as { heard: { type: string; id: string }[] }).heard);
    const credit = page.locator('.embed-credit');
    await page.goto(`${env.server.url}/embed/treaty/new-start`);
    await expect.poll(() => credit.innerText()).toMatch(/live$/);
    expect(streams).toEqual([`${env.server.url}/api/stream?treaties=new-start`]);

    const live = await postUpdate<{ update: { seq: number } }>(env.server.url, 'new-start', { headline: 'Heard on the stream' });
    await page.getByText('Heard on the stream').waitFor({ timeout: 5000 });
    expect((await heard()).map((e) => e.type)).toEqual(['snapshot', 'change']);

    // The stream is lost (the server restarts) and cannot come back until the test lets it.
    await page.route('**/api/stream**', (route) => route.abort());
    await env.server.restart();
    await expect.poll(() => credit.innerText()).toMatch(/reconnecting…$/);
    const missed = [];
    for (const headline of ['Missed while away', 'Latest while away'])
      missed.push((await postUpdate<{ update: { seq: number } }>(env.server.url, 'new-start', { headline })).body.update.seq);
    await postUpdate(env.server.url, 'inf', { headline: 'Another treaty' });
    await page.unroute('**/api/stream**');
    await page.getByText('Latest while away').waitFor({ timeout: 20_000 });
    await expect.poll(() => credit.innerText()).toMatch(/live$/);
    // Back from the seq it had, it was sent the two changes it missed, not a snapshot, and nothing of the other treaty.
    expect(streams.at(-1)).toBe(`${env.server.url}/api/stream?treaties=new-start&lastEventId=${live.body.update.seq}`);
    expect((await heard()).slice(2)).toEqual(missed.map((seq) => ({ type: 'change', id: String(seq) })));
    expect(sockets).toEqual([]);
    await page.close();
  });

  it('offers the snippet on the treaty page', async () => {
    const { page } = await openPage(env.browser, `${env.server.url}/treaties/inf`);
    const code = page.getByLabel(/A live widget for an article/);
    await code.waitFor();
    expect(await code.inputValue()).toBe(
      `<iframe src="${env.server.url}/embed/treaty/inf" title="INF Treaty on Treaty Watch" width="380" height="170" style="border:0" loading="lazy"></iframe>`,
    );
    await page.close();
  });
});
