import http from 'node:http';
import { WebSocketServer } from 'ws';

/**
 * The baseline: the least a Node process can do to fan a frame out to N WebSocket clients.
 * POST /broadcast sends the body, as is, to every client.
 */
const port = Number(process.env.PORT);
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    // One buffer for every client, as Socket.IO encodes a broadcast once: only the frame
    // header is made per client.
    const frame = Buffer.concat(chunks);
    for (const client of wss.clients) client.send(frame, { binary: false });
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
server.listen(port, '127.0.0.1', () => process.send?.({ type: 'listening' }));
