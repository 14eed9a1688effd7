import type { Manager } from 'socket.io-client';

/**
 * Calls `stalled` when a connection's switch from long-polling to WebSocket fails after it
 * paused long-polling: the server going away in the middle of the switch. engine.io-client
 * never resumes the paused transport and sends nothing while it counts itself upgrading, so
 * the connection hears nothing more, and says nothing, until its ping timeout (25 s).
 */
export function onStalledUpgrade(engine: Manager['engine'], stalled: () => void): void {
  let pollingPaused = false;
  engine.on('upgrading', () => (pollingPaused = true));
  engine.on('upgrade', () => (pollingPaused = false));
  engine.on('upgradeError', () => {
    if (pollingPaused) stalled();
  });
}
