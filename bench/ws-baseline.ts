import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The baseline: the least a Node process can do to fan a frame out to N WebSocket clients.
 * POST /broadcast frames the body once, as one unmasked text frame, and writes that same
 * buffer to every client's socket: no per-client framing, no library between.
 */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const port = Number(process.env.PORT);
const clients = new Set<Duplex>();

/** RFC 6455 §5.2: FIN and the text opcode, then the payload length in 7, 16 or 64 bits. */
function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const header = Buffer.alloc(length < 126 ? 2 : length < 65_536 ? 4 : 10);
  header[0] = 0x81;
  if (header.length === 2) header[1] = length;
  else if (header.length === 4) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const frame = textFrame(Buffer.concat(chunks));
    for (const socket of clients) socket.write(frame);
    res.writeHead(204).end();
  });
});

server.on('upgrade', (req, socket) => {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
    socket.destroy();
    return;
  }
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  clients.add(socket);
  // What clients send (nothing until they close) is read and dropped, so their sockets never back up.
  socket.on('data', () => undefined);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => clients.delete(socket));
});

server.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening' }));
