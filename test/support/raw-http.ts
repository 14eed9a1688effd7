import http from 'node:http';

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * A request exactly as given: fetch normalises `..`, `%2e%2e` and friends away and refuses a
 * body on GET, which is what an attacker would send. Resolves undefined when Node itself
 * refuses to send it (a control character in the path or a header).
 */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
): Promise<RawAnswer | undefined> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let req: http.ClientRequest;
    try {
      const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
      req = http.request({ host: hostname, port, method, path, headers: { ...length, ...headers }, agent }, (res) => {
        const contentType = res.headers['content-type'] ?? '';
        // An event stream never ends: its status and type are the answer.
        if (contentType.startsWith('text/event-stream')) {
          resolve({ status: res.statusCode ?? 0, contentType, body: '' });
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
    } catch {
      resolve(undefined);
      return;
    }
    req.on('error', reject);
    req.end(body);
  });
}
