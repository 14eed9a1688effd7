import { io, type Socket } from 'socket.io-client';
import { RECONNECT_OPTIONS, type ClientToServerEvents, type ServerToClientEvents } from '@treaty-watch/shared';

/**
 * A process of real socket.io-client dashboards with the dashboard's own reconnect settings,
 * each tracking its seq as the board does. Reports how many are connected and at which seq, and
 * when each reconnected.
 */
interface Start {
  type: 'start';
  url: string;
  count: number;
}

const boards: { socket: Socket<ServerToClientEvents, ClientToServerEvents>; seq: number | undefined }[] = [];
const reconnectedAt: number[] = [];

process.on('message', (message: Start | { type: 'status' } | { type: 'stop' }) => {
  if (message.type === 'start') {
    for (let i = 0; i < message.count; i++) {
      const board: (typeof boards)[number] = { socket: undefined as never, seq: undefined };
      board.socket = io(message.url, {
        transports: ['websocket'],
        forceNew: true,
        ...RECONNECT_OPTIONS,
        auth: (cb) => cb({ client: 'screen', ...(board.seq !== undefined ? { lastSeq: board.seq } : {}) }),
      });
      board.socket.on('snapshot', (s) => (board.seq = s.seq));
      board.socket.on('change', (c) => {
        if (board.seq !== undefined && c.seq === board.seq + 1) board.seq = c.seq;
        else if (board.seq !== undefined && c.seq > board.seq + 1) board.socket.emit('resync', { lastSeq: board.seq });
      });
      board.socket.io.on('reconnect', () => reconnectedAt.push(Date.now()));
      boards.push(board);
    }
    process.send?.({ type: 'started' });
  } else if (message.type === 'status') {
    const seqs = boards.map((b) => (b.socket.connected ? (b.seq ?? -1) : -1));
    process.send?.({
      type: 'status',
      connected: boards.filter((b) => b.socket.connected).length,
      minSeq: Math.min(...seqs),
      reconnectedAt,
    });
  } else {
    for (const board of boards) board.socket.disconnect();
    process.exit(0);
  }
});
