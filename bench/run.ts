import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fanout, medianRun, ROUNDS, type FanoutResult } from './fanout';
import { readFlags, wholeNumber, wholeNumbers } from './flags';
import { initialAssets } from './footprint';
import { benchSchema } from './postgres-schema';
import { reads, writes } from './http-load';
import { twoTabs } from './two-tabs';
import { root, usePortsFrom } from './processes';

/**
 * `npm run bench`: every figure is measured in this run, beside a raw baseline measured in the
 * same run on the same machine (absolute times vary on a shared box; ratios hold). Fan-out runs
 * each size `--runs` times and judges the median.
 */
const flags = readFlags({
  clients: { type: 'string', default: '10000,19000' },
  runs: { type: 'string', default: '3' },
  'fanout-only': { type: 'boolean', default: false },
  ports: { type: 'string' },
});
const sizes = wholeNumbers('clients', flags.clients);
const runs = wholeNumber('runs', flags.runs, 1, 99);
usePortsFrom(flags.ports === undefined ? undefined : wholeNumber('ports', flags.ports, 1024, 65_000));
const log = (line: string) => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const TARGET_RATIO = 1.1;

log(`Treaty Watch benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

const fan: { runs: FanoutResult[]; median: FanoutResult }[] = [];
for (const clients of sizes) {
  const measured: FanoutResult[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`fan-out: ${clients} clients, run ${run} of ${runs}…`);
    measured.push(await fanout(clients));
  }
  fan.push({ runs: measured, median: medianRun(measured) });
}

const fanoutTargets = fan.flatMap(({ median: m }) => [
  { target: `${m.clients} clients held in every run`, figure: `${m.connected} connected at least`, ok: m.connected >= m.clients },
  { target: `Socket.IO p99 at ${m.clients} within ${TARGET_RATIO}× the raw baseline (median of ${runs})`, figure: `${m.ratio}×`, ok: m.ratio <= TARGET_RATIO },
  { target: `every change reaches all ${m.clients}`, figure: `${m.socketIo.received}/${m.socketIo.expected} received`, ok: m.socketIo.received === m.socketIo.expected },
  ...(m.clients === 10_000 ? [{ target: 'a POST reaches all 10,000, p99 < 500 ms (median)', figure: `${m.socketIo.p99} ms`, ok: m.socketIo.p99 < 500 }] : []),
]);

const files = fan[0]?.median.openFiles;
if (files) log(`\nOpen-file limits (soft, as each process runs): server ${files.server}, raw baseline ${files.baseline}, each client process ${files.clientProcess}`);
log(`Fan-out: from the POST to each client receiving the change (ms), ${ROUNDS} updates per run, a change ${fan[0]?.median.frameBytes ?? NaN} bytes of WebSocket payload`);
log('clients | run    | connected | Socket.IO p50 / p95 / p99 / max      | received      | raw p50 / p95 / p99 / max         | p99 ratio | KB/client Socket.IO / raw');
for (const size of fan) {
  const rows: [string, FanoutResult][] = [...size.runs.map((r, i): [string, FanoutResult] => [String(i + 1), r]), ...(runs > 1 ? [['median', size.median] as [string, FanoutResult]] : [])];
  for (const [run, r] of rows) {
    const s = r.socketIo;
    const w = r.raw;
    log(`${String(r.clients).padStart(7)} | ${run.padEnd(6)} | ${String(r.connected).padStart(9)} | ${`${s.p50} / ${s.p95} / ${s.p99} / ${s.max}`.padEnd(36)} | ${`${s.received}/${s.expected}`.padEnd(13)} | ${`${w.p50} / ${w.p95} / ${w.p99} / ${w.max}`.padEnd(33)} | ${String(r.ratio).padStart(8)}× | ${r.serverRssPerClientKb} / ${r.rawRssPerClientKb}`);
  }
}

if (flags['fanout-only']) {
  log('\nTargets');
  for (const t of fanoutTargets) log(`${mark(t.ok)}  ${t.target}: ${t.figure}`);
  writeResults({ fanout: fan, targets: fanoutTargets });
  process.exit(0);
}

log('\nwrites: 8 writers for 10 s on SQLite…');
const sqliteWrites = await writes();
let postgresWrites: Awaited<ReturnType<typeof writes>> | undefined;
if (process.env.DATABASE_URL) {
  log('writes: 8 writers for 10 s on PostgreSQL…');
  const schema = await benchSchema(process.env.DATABASE_URL);
  try {
    postgresWrites = await writes(schema.url);
  } finally {
    await schema.drop();
  }
}
log('reads: concurrency 50 for 5 s each…');
const readResults = await reads();
const assets = initialAssets();
log('two tabs: 20 updates into two dashboards in Chromium…');
const tabs = await twoTabs();

const largest = fan.at(-1)?.median;
const targets = [
  ...fanoutTargets,
  { target: '≥ 500 POST/s on SQLite', figure: `${sqliteWrites.perSecond}/s`, ok: sqliteWrites.perSecond >= 500 },
  { target: 'initial JS ≤ 150 KB gzipped', figure: `${assets.jsKb} KB`, ok: assets.jsKb <= 150 },
  ...(tabs ? [{ target: 'a posted update in two open tabs, p99 < 1 s', figure: `p50 ${tabs.p50} ms, p99 ${tabs.p99} ms`, ok: tabs.p99 < 1000 }] : []),
];

log('\nWrites (8 concurrent writers, 10 s)');
log(`SQLite:     ${sqliteWrites.perSecond} POST/s, p50 ${sqliteWrites.p50} ms, p99 ${sqliteWrites.p99} ms, failed ${sqliteWrites.failed}`);
if (postgresWrites) log(`PostgreSQL: ${postgresWrites.perSecond} POST/s, p50 ${postgresWrites.p50} ms, p99 ${postgresWrites.p99} ms, failed ${postgresWrites.failed}`);
log('\nReads (concurrency 50, 5 s)');
log(`GET /api/snapshot: ${readResults.snapshot.perSecond}/s, p50 ${readResults.snapshot.p50} ms, p99 ${readResults.snapshot.p99} ms`);
log(`GET /api/treaties: ${readResults.treaties.perSecond}/s, p50 ${readResults.treaties.p50} ms, p99 ${readResults.treaties.p99} ms`);
log(`\nFootprint: initial JS ${assets.jsKb} KB, CSS ${assets.cssKb} KB gzipped; memory per connected client ${largest?.serverRssPerClientKb} KB (raw baseline ${largest?.rawRssPerClientKb} KB) at ${largest?.clients}`);
log(tabs ? `Two tabs: POST acknowledged → headline in each tab's live feed: p50 ${tabs.p50} / p95 ${tabs.p95} / p99 ${tabs.p99} / max ${tabs.max} ms (${tabs.count} sightings)` : 'Two tabs: skipped, no Chromium');
log('\nTargets');
for (const t of targets) log(`${mark(t.ok)}  ${t.target}: ${t.figure}`);

writeResults({ fanout: fan, writes: { sqlite: sqliteWrites, postgres: postgresWrites }, reads: readResults, assets, twoTabs: tabs, targets });

function writeResults(figures: Record<string, unknown>): void {
  const results = { at: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, runs, ...figures };
  fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('\nWritten to bench/results.json');
}
