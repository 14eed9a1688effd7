import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFileLimit } from '../../server/src/open-files';
import { forgetKeys } from '../../test/support/redis';
import { tempDir } from '../../test/support/temp-dir';
import { readFlags, wholeNumber } from '../flags';
import { benchSchema } from '../postgres-schema';
import { nextPort, root, usePortsFrom } from '../processes';
import { Dashboards } from './dashboards';
import { Fleet } from './fleet';
import { NGINX, startNginx, workerPlan, type Nginx } from './nginx';
import { connect, fanout, killOne, presence, rollingRestart, type Row } from './scenarios';

/**
 * `npm run bench:cluster`: a fleet on one box. Server processes on one PostgreSQL schema and
 * one Redis stream of the bench's own, behind nginx, light dashboards spread over them through
 * it; then fan-out across processes, presence, a crash and a rolling restart, as a table.
 */
const flags = readFlags({
  processes: { type: 'string', default: '4' },
  clients: { type: 'string', default: '16000' },
  'client-processes': { type: 'string', default: '4' },
  rounds: { type: 'string', default: '5' },
  'write-every': { type: 'string', default: '100' },
  ports: { type: 'string' },
});
const processes = wholeNumber('processes', flags.processes, 2, 64);
const clients = wholeNumber('clients', flags.clients);
const clientProcesses = wholeNumber('client-processes', flags['client-processes'], 1, 64);
const rounds = wholeNumber('rounds', flags.rounds, 1, 1000);
const writeEveryMs = wholeNumber('write-every', flags['write-every'], 10, 60_000);
usePortsFrom(flags.ports === undefined ? undefined : wholeNumber('ports', flags.ports, 1024, 65_000));
const log = (line: string) => process.stdout.write(`${line}\n`);

const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL || !fs.existsSync(NGINX)) {
  log(
    `The cluster bench needs DATABASE_URL (PostgreSQL), REDIS_URL and nginx at ${NGINX}; it has ${[DATABASE_URL && 'DATABASE_URL', REDIS_URL && 'REDIS_URL', fs.existsSync(NGINX) && 'nginx'].filter(Boolean).join(', ') || 'none of them'}.`,
  );
  process.exit(2);
}

log(`Treaty Watch cluster benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const dir = tempDir('bench-cluster');
const stream = `tw-bench-${randomBytes(4).toString('hex')}`;
const schema = await benchSchema(DATABASE_URL);
const proxyPort = await nextPort();
const serverPorts: number[] = [];
for (let i = 0; i < processes; i++) serverPorts.push(await nextPort());
// After a crash the survivors hold every dashboard between them.
const fleet = new Fleet(
  serverPorts,
  { DATABASE_URL: schema.url, REDIS_URL, REDIS_STREAM: stream, TRUST_PROXY: 'loopback' },
  Math.ceil(clients / (processes - 1)),
);
let nginx: Nginx | undefined;
let dashboards: Dashboards | undefined;

let nginxErrors = '';
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await dashboards?.stop();
    nginxErrors = nginx?.errorLogTail() ?? '';
    await nginx?.stop();
    await fleet.stopAll();
    await schema.drop();
    await forgetKeys(stream);
    dir.remove();
  })());
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

const rows: Row[] = [];
try {
  log(`starting ${processes} server processes on PostgreSQL schema ${schema.schema} and Redis stream ${stream}…`);
  await fleet.start();
  const plan = workerPlan(clients, openFileLimit()?.hard ?? 'unlimited');
  nginx = await startNginx(dir.dir, proxyPort, serverPorts, plan);
  log(`nginx on ${nginx.url}: ${plan.workers} workers of ${plan.workerConnections} connections; servers on ${serverPorts.join(', ')}`);
  dashboards = new Dashboards(clients, clientProcesses);
  log(`connecting ${clients} dashboards from ${clientProcesses} processes…`);
  const connected = await connect(dashboards, fleet, nginx.url);
  rows.push(connected);
  // What follows counts on every dashboard: with some missing it would measure their absence.
  if (connected.ok) {
    log('presence…');
    rows.push(await presence(dashboards, fleet));
    log(`fan-out: ${rounds} updates posted on one process…`);
    rows.push(await fanout(dashboards, fleet, rounds));
    log('killing one process…');
    rows.push(await killOne(dashboards, fleet, nginx, writeEveryMs));
    log('rolling restart…');
    rows.push(await rollingRestart(dashboards, fleet, nginx, writeEveryMs));
  }
} finally {
  await cleanUp();
}

const width = (pick: (r: Row) => string) => Math.max(...rows.map((r) => pick(r).length));
const [measureWidth, figureWidth] = [width((r) => r.measure), width((r) => r.figure)];
log(
  `\n${processes} processes behind nginx, ${clients} dashboards (writer: one update every ${writeEveryMs} ms during the kill and the restart)`,
);
log(`${'measure'.padEnd(measureWidth)} | ${'figure'.padEnd(figureWidth)} | target`);
for (const r of rows) log(`${r.measure.padEnd(measureWidth)} | ${r.figure.padEnd(figureWidth)} | ${r.ok ? 'PASS' : 'MISS'} ${r.target}`);
if (rows.some((r) => !r.ok) && nginxErrors) log(`\nThe end of nginx's error log:\n${nginxErrors}`);
const results = {
  at: new Date().toISOString(),
  machine: { cores: os.cpus().length, node: process.version },
  processes,
  clients,
  clientProcesses,
  rounds,
  writeEveryMs,
  rows,
};
fs.writeFileSync(path.join(root, 'bench/cluster-results.json'), `${JSON.stringify(results, null, 2)}\n`);
log('\nWritten to bench/cluster-results.json');
