import { io } from 'socket.io-client';
import { REPLAY_LIMIT } from '@treaty-watch/shared';

/**
 * A hostile client in a process of its own, so its busy loop is not counted against the server
 * in the test's timings: one socket that emits `resync` as fast as it can, the heaviest honest
 * requests (a full replay, a snapshot) between payloads no dashboard sends. Tells its parent
 * when it is connected, floods when told, and says when it has sent them all and when the
 * server dropped it.
 */
const [url = '', seqArg = '0', countArg = '0'] = process.argv.slice(2);
const seq = Number(seqArg);
const hostile: unknown[][] = [
  [{ lastSeq: 1e308 }],
  [{ lastSeq: -1 }],
  [{ lastSeq: '12' }],
  [{ lastSeq: { $gt: 0 } }],
  [null],
  [],
  ['x'.repeat(8000)],
  [{ lastSeq: 1.5 }, 'extra', 42],
];
const payloadOf = (i: number): unknown[] => {
  if (i % 3 === 0) return [{ lastSeq: seq - REPLAY_LIMIT }];
  if (i % 3 === 1) return [{}];
  return hostile[i % hostile.length] ?? [];
};

const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
socket.once('connect', () => process.send?.({ type: 'connected' }));
process.on('message', () => {
  for (let i = 0; i < Number(countArg); i++) emit('resync', ...payloadOf(i));
  process.send?.({ type: 'flooded' });
});
socket.once('disconnect', (reason) => {
  process.send?.({ type: 'dropped', reason });
  process.exit(0);
});
