import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fanout, medianRun, ROUNDS, type FanoutResult } from './fanout';
import { readFlags, wholeNumber, wholeNumbers } from './flags';
import { initialAssets } from './footprint';
import { benchSchema } from './postgres-schema';
import { reads, writes, type Load } from './http-load';
import { twoTabs } from './two-tabs';
import { root, usePortsFrom } from './processes';
import { readerCostLines, readerCosts, type ReaderCosts } from './reader-cost';

/**
 * `npm run bench`: every figure is measured in this run, beside a raw baseline measured in the
 * same run on the same machine (absolute times vary on a shared box; ratios hold). Fan-out runs
 * each size `--runs` times and judges the median.
 */
const SECTIONS = ['fanout', 'readers', 'writes', 'reads', 'footprint', 'tabs'] as const;
type Section = (typeof SECTIONS)[number];
const flags = readFlags({
  only: { type: 'string' },
  clients: { type: 'string', default: '10000,19000' },
  runs: { type: 'string', default: '3' },
  readers: { type: 'string', default: '10000' },
  writers: { type: 'string', default: '8' },
  'write-seconds': { type: 'string', default: '10' },
  ports: { type: 'string' },
});
const only = flags.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown?.length) {
  process.stderr.write(`--only names no section ${unknown.join(', ')}: pick from ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
const running = (section: Section) => !only || only.includes(section);
const sizes = wholeNumbers('clients', flags.clients);
const runs = wholeNumber('runs', flags.runs, 1, 99);
const readers = wholeNumber('readers', flags.readers);
const writeLoad = {
  writers: wholeNumber('writers', flags.writers, 1, 1000),
  seconds: wholeNumber('write-seconds', flags['write-seconds'], 1, 3600),
};
usePortsFrom(flags.ports === undefined ? undefined : wholeNumber('ports', flags.ports, 1024, 65_000));
const log = (line: string) => process.stdout.write(`${line}\n`);
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const TARGET_RATIO = 1.1;

log(`Treaty Watch benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

const fan: { runs: FanoutResult[]; median: FanoutResult }[] = [];
if (running('fanout')) {
  for (const clients of sizes) {
    const measured: FanoutResult[] = [];
    for (let run = 1; run <= runs; run++) {
      log(`fan-out: ${clients} clients, run ${run} of ${runs}…`);
      measured.push(await fanout(clients));
    }
    fan.push({ runs: measured, median: medianRun(measured) });
  }
}

let readerResults: ReaderCosts | undefined;
if (running('readers')) {
  log(`readers: ${readers} Socket.IO clients, then ${readers} event-stream readers through Pushpin…`);
  readerResults = await readerCosts(readers);
}

let sqliteWrites: Load | undefined;
let postgresWrites: Load | undefined;
if (running('writes')) {
  log(`writes: ${writeLoad.writers} writers for ${writeLoad.seconds} s on SQLite…`);
  sqliteWrites = await writes(writeLoad);
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log(`writes: ${writeLoad.writers} writers for ${writeLoad.seconds} s on PostgreSQL…`);
    const schema = await benchSchema(databaseUrl);
    try {
      postgresWrites = await writes(writeLoad, schema.url);
    } finally {
      await schema.drop();
    }
  } else {
    log('writes on PostgreSQL skipped: set DATABASE_URL to measure them beside SQLite');
  }
}
let readResults: Awaited<ReturnType<typeof reads>> | undefined;
if (running('reads')) {
  log('reads: concurrency 50 for 5 s each…');
  readResults = await reads();
}
const assets = running('footprint') ? initialAssets() : undefined;
let tabs: Awaited<ReturnType<typeof twoTabs>>;
if (running('tabs')) {
  log('two tabs: 20 updates into two dashboards in Chromium…');
  tabs = await twoTabs();
}

const largest = fan.at(-1)?.median;
/** PostgreSQL's writes against SQLite's from this run, the figure a loaded machine moves least. */
const pgRatio = sqliteWrites && postgresWrites ? Math.round((postgresWrites.perSecond / sqliteWrites.perSecond) * 100) / 100 : undefined;
const targets = [
  ...fan.flatMap(({ median: m }) => [
    { target: `${m.clients} clients held in every run`, figure: `${m.connected} connected at least`, ok: m.connected >= m.clients },
    {
      target: `Socket.IO p99 at ${m.clients} within ${TARGET_RATIO}× the raw baseline (median of ${runs})`,
      figure: `${m.ratio}×`,
      ok: m.ratio <= TARGET_RATIO,
    },
    {
      target: `every change reaches all ${m.clients}`,
      figure: `${m.socketIo.received}/${m.socketIo.expected} received`,
      ok: m.socketIo.received === m.socketIo.expected,
    },
    ...(m.clients === 10_000
      ? [{ target: 'a POST reaches all 10,000, p99 < 500 ms (median)', figure: `${m.socketIo.p99} ms`, ok: m.socketIo.p99 < 500 }]
      : []),
  ]),
  ...(readerResults?.pushpin
    ? [
        {
          target: `every one of ${readers} readers through Pushpin gets every change`,
          figure: `${readerResults.pushpin.latency.received}/${readerResults.pushpin.latency.expected} received`,
          ok: readerResults.pushpin.latency.received === readerResults.pushpin.latency.expected,
        },
      ]
    : []),
  ...(sqliteWrites ? [{ target: '≥ 500 POST/s on SQLite', figure: `${sqliteWrites.perSecond}/s`, ok: sqliteWrites.perSecond >= 500 }] : []),
  ...(postgresWrites && pgRatio !== undefined
    ? [
        {
          target: '≥ 1,000 POST/s on PostgreSQL, p99 < 50 ms',
          figure: `${postgresWrites.perSecond}/s, p99 ${postgresWrites.p99} ms`,
          ok: postgresWrites.perSecond >= 1000 && postgresWrites.p99 < 50,
        },
        { target: "PostgreSQL writes ≥ 0.7× SQLite's", figure: `${pgRatio}×`, ok: pgRatio >= 0.7 },
      ]
    : []),
  ...(assets ? [{ target: 'initial JS ≤ 150 KB gzipped', figure: `${assets.jsKb} KB`, ok: assets.jsKb <= 150 }] : []),
  ...(tabs
    ? [{ target: 'a posted update in two open tabs, p99 < 1 s', figure: `p50 ${tabs.p50} ms, p99 ${tabs.p99} ms`, ok: tabs.p99 < 1000 }]
    : []),
];

if (fan.length > 0) {
  const files = fan[0]?.median.openFiles;
  if (files)
    log(
      `\nOpen-file limits (soft, as each process runs): server ${files.server}, raw baseline ${files.baseline}, each client process ${files.clientProcess}`,
    );
  log(
    `Fan-out: from the POST to each client receiving the change (ms), ${ROUNDS} updates per run, a change ${fan[0]?.median.frameBytes ?? NaN} bytes of WebSocket payload`,
  );
  log(
    'clients | run    | connected | Socket.IO p50 / p95 / p99 / max      | received      | raw p50 / p95 / p99 / max         | p99 ratio | KB/client Socket.IO / raw',
  );
  for (const size of fan) {
    const rows: [string, FanoutResult][] = [
      ...size.runs.map((r, i): [string, FanoutResult] => [String(i + 1), r]),
      ...(runs > 1 ? [['median', size.median] as [string, FanoutResult]] : []),
    ];
    for (const [run, r] of rows) {
      const s = r.socketIo;
      const w = r.raw;
      log(
        `${String(r.clients).padStart(7)} | ${run.padEnd(6)} | ${String(r.connected).padStart(9)} | ${`${s.p50} / ${s.p95} / ${s.p99} / ${s.max}`.padEnd(36)} | ${`${s.received}/${s.expected}`.padEnd(13)} | ${`${w.p50} / ${w.p95} / ${w.p99} / ${w.max}`.padEnd(33)} | ${String(r.ratio).padStart(8)}× | ${r.serverRssPerClientKb} / ${r.rawRssPerClientKb}`,
      );
    }
  }
}
if (readerResults) for (const line of readerCostLines(readerResults)) log(line);
if (sqliteWrites) {
  log(`\nWrites (${writeLoad.writers} concurrent writers, ${writeLoad.seconds} s each, one after the other)`);
  const row = (label: string, sqlite: string, postgres: string) =>
    log(`${label.padEnd(12)} | ${sqlite.padStart(10)} | ${postgres.padStart(10)}`);
  const pgFigure = (f: (w: Load) => string) => (postgresWrites ? f(postgresWrites) : 'skipped');
  row('', 'SQLite', 'PostgreSQL');
  row(
    'POST/s',
    String(sqliteWrites.perSecond),
    pgFigure((w) => String(w.perSecond)),
  );
  row(
    'p50 ms',
    String(sqliteWrites.p50),
    pgFigure((w) => String(w.p50)),
  );
  row(
    'p99 ms',
    String(sqliteWrites.p99),
    pgFigure((w) => String(w.p99)),
  );
  row(
    'failed',
    String(sqliteWrites.failed),
    pgFigure((w) => String(w.failed)),
  );
  if (pgRatio !== undefined) row('PG / SQLite', '', `${pgRatio}×`);
}
if (readResults) {
  log('\nReads (concurrency 50, 5 s)');
  log(`GET /api/snapshot: ${readResults.snapshot.perSecond}/s, p50 ${readResults.snapshot.p50} ms, p99 ${readResults.snapshot.p99} ms`);
  log(`GET /api/treaties: ${readResults.treaties.perSecond}/s, p50 ${readResults.treaties.p50} ms, p99 ${readResults.treaties.p99} ms`);
}
if (assets)
  log(
    `\nFootprint: initial JS ${assets.jsKb} KB, CSS ${assets.cssKb} KB gzipped; embed widget JS ${assets.embedJsKb} KB gzipped${largest ? `; memory per connected client ${largest.serverRssPerClientKb} KB (raw baseline ${largest.rawRssPerClientKb} KB) at ${largest.clients}` : ''}`,
  );
if (running('tabs'))
  log(
    tabs
      ? `Two tabs: POST acknowledged → headline in each tab's live feed: p50 ${tabs.p50} / p95 ${tabs.p95} / p99 ${tabs.p99} / max ${tabs.max} ms (${tabs.count} sightings)`
      : 'Two tabs: skipped, no Chromium',
  );
log('\nTargets');
for (const t of targets) log(`${mark(t.ok)}  ${t.target}: ${t.figure}`);

const results = {
  at: new Date().toISOString(),
  machine: { cores: os.cpus().length, node: process.version },
  sections: only ?? SECTIONS,
  runs,
  fanout: fan,
  readers: readerResults,
  writes: { ...writeLoad, sqlite: sqliteWrites, postgres: postgresWrites, ratio: pgRatio },
  reads: readResults,
  assets,
  twoTabs: tabs,
  targets,
};
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
log('\nWritten to bench/results.json');
