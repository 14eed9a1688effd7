import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fanout, type FanoutResult } from './fanout';
import { initialAssets } from './footprint';
import { reads, writes } from './http-load';
import { twoTabs } from './two-tabs';
import { root } from './processes';
import { readerCostLines, readerCosts } from './reader-cost';

/**
 * `npm run bench`: every figure is measured in this run, beside a raw `ws` baseline measured
 * in the same run on the same machine (absolute times vary on a shared box; ratios hold).
 */
const sizes = (process.env.BENCH_CLIENTS ?? '1000,5000,10000').split(',').map(Number);
// `npm run bench -- --readers 1000 --only readers`: the readers comparison alone, at a size a busy machine can take.
const { values: flags } = parseArgs({ options: { readers: { type: 'string' }, only: { type: 'string' } } });
const readers = Number(flags.readers ?? process.env.BENCH_READERS ?? 10_000);
if (!Number.isSafeInteger(readers) || readers < 1) throw new Error(`--readers (or BENCH_READERS) must be a whole number of readers, not ${flags.readers ?? process.env.BENCH_READERS}`);
if (flags.only !== undefined && flags.only !== 'readers') throw new Error(`--only takes readers, not ${flags.only}`);
const log = (line: string) => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const write = (results: object) => {
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ at: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, ...results }, null, 2)}\n`);
  log('\nWritten to bench/results.json');
};

log(`Treaty Watch benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

if (flags.only === 'readers') {
  log(`readers: ${readers} Socket.IO clients, then ${readers} event-stream readers through Pushpin…`);
  const costs = await readerCosts(readers);
  for (const line of readerCostLines(costs)) log(line);
  write({ readers: costs });
  process.exit(0);
}

const fan: FanoutResult[] = [];
for (const clients of sizes) {
  log(`fan-out: ${clients} clients…`);
  fan.push(await fanout(clients));
}

log(`readers: ${readers} Socket.IO clients, then ${readers} event-stream readers through Pushpin…`);
const readerResults = await readerCosts(readers);

log('writes: 8 writers for 10 s on SQLite…');
const sqliteWrites = await writes();
let postgresWrites: Awaited<ReturnType<typeof writes>> | undefined;
if (process.env.DATABASE_URL) {
  log('writes: 8 writers for 10 s on PostgreSQL…');
  const schema = `tw_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = `${process.env.DATABASE_URL}${process.env.DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    postgresWrites = await writes(url);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
log('reads: concurrency 50 for 5 s each…');
const readResults = await reads();
const assets = initialAssets();
log('two tabs: 20 updates into two dashboards in Chromium…');
const tabs = await twoTabs();

const largest = fan.at(-1);
const targets = [
  { target: '10,000 clients held', figure: `${largest?.connected ?? 0} connected`, ok: (largest?.connected ?? 0) >= 10_000 },
  { target: 'Socket.IO p99 at 10,000 within 1.2× raw ws', figure: `${largest?.ratio ?? NaN}×`, ok: (largest?.ratio ?? Infinity) <= 1.2 },
  { target: 'a POST reaches all 10,000, p99 < 500 ms', figure: `${largest?.socketIo.p99} ms, ${largest?.socketIo.received}/${largest?.socketIo.expected} received`, ok: (largest?.socketIo.p99 ?? Infinity) < 500 && largest?.socketIo.received === largest?.socketIo.expected },
  { target: '≥ 500 POST/s on SQLite', figure: `${sqliteWrites.perSecond}/s`, ok: sqliteWrites.perSecond >= 500 },
  { target: 'initial JS ≤ 150 KB gzipped', figure: `${assets.jsKb} KB`, ok: assets.jsKb <= 150 },
  ...(readerResults.pushpin
    ? [{ target: `every one of ${readers} readers through Pushpin gets every change`, figure: `${readerResults.pushpin.latency.received}/${readerResults.pushpin.latency.expected} received`, ok: readerResults.pushpin.latency.received === readerResults.pushpin.latency.expected }]
    : []),
  ...(tabs ? [{ target: 'a posted update in two open tabs, p99 < 1 s', figure: `p50 ${tabs.p50} ms, p99 ${tabs.p99} ms`, ok: tabs.p99 < 1000 }] : []),
];

log('\nFan-out: from the POST to each client receiving the change (ms), 5 updates per size');
log('clients | connected | Socket.IO p50 / p95 / p99 / max      | received      | raw ws p50 / p95 / p99 / max      | p99 ratio | server KB/client');
for (const r of fan) {
  const s = r.socketIo;
  const w = r.raw;
  log(`${String(r.clients).padStart(7)} | ${String(r.connected).padStart(9)} | ${`${s.p50} / ${s.p95} / ${s.p99} / ${s.max}`.padEnd(36)} | ${`${s.received}/${s.expected}`.padEnd(13)} | ${`${w.p50} / ${w.p95} / ${w.p99} / ${w.max}`.padEnd(33)} | ${String(r.ratio).padStart(8)}× | ${r.serverRssPerClientKb}`);
}
for (const line of readerCostLines(readerResults)) log(line);
log('\nWrites (8 concurrent writers, 10 s)');
log(`SQLite:     ${sqliteWrites.perSecond} POST/s, p50 ${sqliteWrites.p50} ms, p99 ${sqliteWrites.p99} ms, failed ${sqliteWrites.failed}`);
if (postgresWrites) log(`PostgreSQL: ${postgresWrites.perSecond} POST/s, p50 ${postgresWrites.p50} ms, p99 ${postgresWrites.p99} ms, failed ${postgresWrites.failed}`);
log('\nReads (concurrency 50, 5 s)');
log(`GET /api/snapshot: ${readResults.snapshot.perSecond}/s, p50 ${readResults.snapshot.p50} ms, p99 ${readResults.snapshot.p99} ms`);
log(`GET /api/treaties: ${readResults.treaties.perSecond}/s, p50 ${readResults.treaties.p50} ms, p99 ${readResults.treaties.p99} ms`);
log(`\nFootprint: initial JS ${assets.jsKb} KB, CSS ${assets.cssKb} KB gzipped; embed widget JS ${assets.embedJsKb} KB gzipped; server memory per connected client ${largest?.serverRssPerClientKb} KB at ${largest?.clients}`);
log(tabs ? `Two tabs: POST acknowledged → headline in each tab's live feed: p50 ${tabs.p50} / p95 ${tabs.p95} / p99 ${tabs.p99} / max ${tabs.max} ms (${tabs.count} sightings)` : 'Two tabs: skipped, no Chromium');
log('\nTargets');
for (const t of targets) log(`${mark(t.ok)}  ${t.target}: ${t.figure}`);

write({ fanout: fan, readers: readerResults, writes: { sqlite: sqliteWrites, postgres: postgresWrites }, reads: readResults, assets, twoTabs: tabs, targets });
