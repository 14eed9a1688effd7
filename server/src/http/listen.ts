import type http from 'node:http';

/**
 * Connections the kernel holds for this process before it accepts them. When a process of a
 * fleet goes away, its thousands of dashboards come back to the others within a second or two,
 * faster than a busy event loop accepts them: past Node's default of 511 the kernel dropped
 * their SYNs, and the proxy waited out TCP's retransmits (1, 3, 7 s…) while the dashboards'
 * 20 s connect timeout ran out. The kernel caps it at net.core.somaxconn (4096 since Linux 5.4).
 */
const LISTEN_BACKLOG = 4096;

/** Listens on `host` and `port` (0: any free one), with the port and URL it is bound to once it is. */
export function listenOn(httpServer: http.Server, port: number, host: string): Promise<{ port: number; url: string }> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      const address = httpServer.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve({ port: bound, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` });
    });
  });
}
