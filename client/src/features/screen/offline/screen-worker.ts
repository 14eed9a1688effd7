/**
 * Installs the service worker that keeps the screen's page for an offline start. Only in a built
 * page (the dev server has no worker) and a secure context (https, or localhost): on plain http
 * from another machine the browser offers no worker, and the screen simply needs the network to start.
 */
export function installScreenWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A refused registration leaves the screen as it was before workers: live, but not offline.
  navigator.serviceWorker.register('/screen-sw.js', { scope: '/screen' }).catch(() => undefined);
}

/** The build of the page the worker kept, when this page is that copy (it says so in a meta tag). */
export const offlineBuild = (): string | undefined =>
  document.querySelector('meta[name="offline-build"]')?.getAttribute('content') ?? undefined;
