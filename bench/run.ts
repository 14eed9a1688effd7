import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fanout, type FanoutResult } from './fanout';
import { initialAssets } from './footprint';
import { reads, writes, type Load } from './http-load';
import { inFreshSchema } from './pg-schema';
import { twoTabs } from './two-tabs';
import { root } from './processes';

/**
 * `npm run bench`: every figure is measured in this run, beside a raw `ws` baseline measured
 * in the same run on the same machine (absolute times vary on a shared box; ratios hold).
 */
const sizes = (process.env.BENCH_CLIENTS ?? '1000,5000,10000').split(',').map(Number);
const SECTIONS = ['fanout', 'writes', 'reads', 'footprint', 'tabs'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown?.length) throw new Error(`BENCH_ONLY names no section ${unknown.join(', ')}: pick from ${SECTIONS.join(', ')}`);
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
};
const writeLoad = { writers: positive('BENCH_WRITERS', 8), seconds: positive('BENCH_WRITE_SECONDS', 10) };
const log = (line: string) => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

log(`Treaty Watch benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

const fan: FanoutResult[] = [];
if (runs('fanout')) {
  for (const clients of sizes) {
    log(`fan-out: ${clients} clients…`);
    fan.push(await fanout(clients));
  }
}

let sqliteWrites: Load | undefined;
let postgresWrites: Load | undefined;
if (runs('writes')) {
  log(`writes: ${writeLoad.writers} writers for ${writeLoad.seconds} s on SQLite…`);
  sqliteWrites = await writes(writeLoad);
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log(`writes: ${writeLoad.writers} writers for ${writeLoad.seconds} s on PostgreSQL…`);
    postgresWrites = await inFreshSchema(databaseUrl, (url) => writes(writeLoad, url));
  } else {
    log('writes on PostgreSQL skipped: set DATABASE_URL to measure them beside SQLite');
  }
}
let readResults: Awaited<ReturnType<typeof reads>> | undefined;
if (runs('reads')) {
  log('reads: concurrency 50 for 5 s each…');
  readResults = await reads();
}
const assets = runs('footprint') ? initialAssets() : undefined;
let tabs: Awaited<ReturnType<typeof twoTabs>>;
if (runs('tabs')) {
  log('two tabs: 20 updates into two dashboards in Chromium…');
  tabs = await twoTabs();
}

const largest = fan.at(-1);
/** PostgreSQL's writes against SQLite's from this run, the figure a loaded machine moves least. */
const pgRatio = sqliteWrites && postgresWrites ? Math.round((postgresWrites.perSecond / sqliteWrites.perSecond) * 100) / 100 : undefined;
const targets = [
  ...(largest
    ? [
        { target: '10,000 clients held', figure: `${largest.connected} connected`, ok: largest.connected >= 10_000 },
        { target: 'Socket.IO p99 at 10,000 within 1.2× raw ws', figure: `${largest.ratio}×`, ok: largest.ratio <= 1.2 },
        { target: 'a POST reaches all 10,000, p99 < 500 ms', figure: `${largest.socketIo.p99} ms, ${largest.socketIo.received}/${largest.socketIo.expected} received`, ok: largest.socketIo.p99 < 500 && largest.socketIo.received === largest.socketIo.expected },
      ]
    : []),
  ...(sqliteWrites ? [{ target: '≥ 500 POST/s on SQLite', figure: `${sqliteWrites.perSecond}/s`, ok: sqliteWrites.perSecond >= 500 }] : []),
  ...(postgresWrites && pgRatio !== undefined
    ? [
        { target: '≥ 1,000 POST/s on PostgreSQL, p99 < 50 ms', figure: `${postgresWrites.perSecond}/s, p99 ${postgresWrites.p99} ms`, ok: postgresWrites.perSecond >= 1000 && postgresWrites.p99 < 50 },
        { target: 'PostgreSQL writes ≥ 0.7× SQLite\'s', figure: `${pgRatio}×`, ok: pgRatio >= 0.7 },
      ]
    : []),
  ...(assets ? [{ target: 'initial JS ≤ 150 KB gzipped', figure: `${assets.jsKb} KB`, ok: assets.jsKb <= 150 }] : []),
  ...(tabs ? [{ target: 'a posted update in two open tabs, p99 < 1 s', figure: `p50 ${tabs.p50} ms, p99 ${tabs.p99} ms`, ok: tabs.p99 < 1000 }] : []),
];

if (fan.length > 0) {
  log('\nFan-out: from the POST to each client receiving the change (ms), 5 updates per size');
  log('clients | connected | Socket.IO p50 / p95 / p99 / max      | received      | raw ws p50 / p95 / p99 / max      | p99 ratio | server KB/client');
  for (const r of fan) {
    const s = r.socketIo;
    const w = r.raw;
    log(`${String(r.clients).padStart(7)} | ${String(r.connected).padStart(9)} | ${`${s.p50} / ${s.p95} / ${s.p99} / ${s.max}`.padEnd(36)} | ${`${s.received}/${s.expected}`.padEnd(13)} | ${`${w.p50} / ${w.p95} / ${w.p99} / ${w.max}`.padEnd(33)} | ${String(r.ratio).padStart(8)}× | ${r.serverRssPerClientKb}`);
  }
}
if (sqliteWrites) {
  log(`\nWrites (${writeLoad.writers} concurrent writers, ${writeLoad.seconds} s each, one after the other)`);
  const row = (label: string, sqlite: string, postgres: string) => log(`${label.padEnd(12)} | ${sqlite.padStart(10)} | ${postgres.padStart(10)}`);
  const pgFigure = (f: (w: Load) => string) => (postgresWrites ? f(postgresWrites) : 'skipped');
  row('', 'SQLite', 'PostgreSQL');
  row('POST/s', String(sqliteWrites.perSecond), pgFigure((w) => String(w.perSecond)));
  row('p50 ms', String(sqliteWrites.p50), pgFigure((w) => String(w.p50)));
  row('p99 ms', String(sqliteWrites.p99), pgFigure((w) => String(w.p99)));
  row('failed', String(sqliteWrites.failed), pgFigure((w) => String(w.failed)));
  if (pgRatio !== undefined) row('PG / SQLite', '', `${pgRatio}×`);
}
if (readResults) {
  log('\nReads (concurrency 50, 5 s)');
  log(`GET /api/snapshot: ${readResults.snapshot.perSecond}/s, p50 ${readResults.snapshot.p50} ms, p99 ${readResults.snapshot.p99} ms`);
  log(`GET /api/treaties: ${readResults.treaties.perSecond}/s, p50 ${readResults.treaties.p50} ms, p99 ${readResults.treaties.p99} ms`);
}
if (assets) log(`\nFootprint: initial JS ${assets.jsKb} KB, CSS ${assets.cssKb} KB gzipped${largest ? `; server memory per connected client ${largest.serverRssPerClientKb} KB at ${largest.clients}` : ''}`);
if (runs('tabs')) log(tabs ? `Two tabs: POST acknowledged → headline in each tab's live feed: p50 ${tabs.p50} / p95 ${tabs.p95} / p99 ${tabs.p99} / max ${tabs.max} ms (${tabs.count} sightings)` : 'Two tabs: skipped, no Chromium');
log('\nTargets');
for (const t of targets) log(`${mark(t.ok)}  ${t.target}: ${t.figure}`);

const results = { at: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, sections: only ?? SECTIONS, fanout: fan, writes: { ...writeLoad, sqlite: sqliteWrites, postgres: postgresWrites, ratio: pgRatio }, reads: readResults, assets, twoTabs: tabs, targets };
fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
log('\nWritten to bench/results.json');
