import { useEffect } from 'react';

/**
 * Keeps a wall TV from dimming or sleeping while the screen shows, where the browser offers a
 * Screen Wake Lock. The browser lets go of it whenever the page is hidden, so it is asked for
 * again each time the page shows.
 */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | undefined;
    let active = true;
    const request = () => {
      if (document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      navigator.wakeLock.request('screen').then(
        (sentinel) => (active ? (lock = sentinel) : void sentinel.release()),
        // Refused (no user gesture yet on some TVs, a battery saver): the screen works, and may dim.
        () => undefined,
      );
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', request);
      void lock?.release();
    };
  }, []);
}
