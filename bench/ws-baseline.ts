import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { textFrame } from './websocket-frame';

/**
 * The baseline: the least a Node process can do to fan a frame out to N WebSocket clients.
 * POST /broadcast frames the body once, as one unmasked text frame, and writes that same
 * buffer to every client's socket: no per-client framing, no library between.
 */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const port = Number(process.env.PORT);
const clients = new Set<Duplex>();

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
  const accept = createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  clients.add(socket);
  // What clients send (nothing until they close) is read and dropped, so their sockets never back up.
  socket.on('data', () => undefined);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => clients.delete(socket));
});

server.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening' }));
