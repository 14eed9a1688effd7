/**
 * The wall screen's service worker: keeps the screen's page and the files it loads, so a TV that
 * reboots while the network is down still starts the screen (which then shows the board it kept,
 * marked stale). Registered with scope `/screen`; it answers only the screen page and the build's
 * own files, so the board, the desk pages, the API, the sockets and the feeds never come from here.
 */
// A classic script (older TVs cannot start a module worker), so the scope is cast rather than declared.
const sw = self as unknown as ServiceWorkerGlobalScope;
/** Written in by the build (client/screen-shell-plugin.ts). */
declare const SCREEN_SHELL: { buildId: string; files: string[] };

const SHELL_PREFIX = 'screen-shell-';
const SHELL_CACHE = SHELL_PREFIX + SCREEN_SHELL.buildId;
const PAGE = '/screen';
const FILES = new Set(SCREEN_SHELL.files.map((file) => `/${file}`));
/** A network that neither answers nor fails (a TV whose Wi-Fi is still joining) gets this long before the kept page shows. */
const PAGE_PATIENCE_MS = 3000;

const hexOf = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The page is kept only if it is this build's (the server may already run another), marked with
 * the build it is, so a screen started from it knows to reload when the server runs a newer one.
 */
async function keepShell(): Promise<void> {
  const response = await fetch(PAGE, { cache: 'no-store' });
  const bytes = await response.arrayBuffer();
  if (!response.ok || hexOf(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 12) !== SCREEN_SHELL.buildId) {
    throw new Error('the server does not serve this build of the screen');
  }
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll([...FILES]);
  const html = new TextDecoder().decode(bytes).replace('<head>', `<head><meta name="offline-build" content="${SCREEN_SHELL.buildId}">`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  await cache.put(PAGE, new Response(html, { headers }));
}

// A new build's worker takes over at once, rather than waiting for every screen to close (a
// screen never closes, and a reload keeps the old worker): the page comes from the network
// whenever it answers and the files are named by their content, so nothing mixes two builds.
sw.addEventListener('install', (event) => event.waitUntil(keepShell().then(() => sw.skipWaiting())));

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = (await caches.keys()).filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      // The screen that installed this worker is served by it from now on, not from its next start.
      await sw.clients.claim();
    })(),
  );
});

/** The network's page when it answers in time and well (a proxy's 502 is no page); the kept one otherwise. */
async function page(request: Request): Promise<Response> {
  const kept = caches.open(SHELL_CACHE).then((cache) => cache.match(PAGE));
  const network = fetch(request);
  const patience = new Promise<undefined>((resolve) => setTimeout(resolve, PAGE_PATIENCE_MS));
  const first = await Promise.race([network.catch(() => undefined), patience]);
  if (first?.ok) return first;
  const fallback = await kept;
  if (fallback) return fallback;
  return first ?? network;
}

async function file(request: Request): Promise<Response> {
  return (await caches.open(SHELL_CACHE).then((cache) => cache.match(request))) ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (event.request.mode === 'navigate' && url.pathname === PAGE) event.respondWith(page(event.request));
  else if (FILES.has(url.pathname)) event.respondWith(file(event.request));
});
