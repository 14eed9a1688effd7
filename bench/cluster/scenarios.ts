import { distribution } from '../stats';
import type { Dashboards, Status } from './dashboards';
import type { Fleet, Member } from './fleet';
import type { Nginx } from './nginx';
import { postUpdate, Writer } from './writer';

export interface Row {
  measure: string;
  figure: string;
  target: string;
  ok: boolean;
}

/** How long every dashboard may take to be back at the newest seq after its process went away. */
const BACK_WITHIN_MS = 10_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const failures = (status: Status) =>
  Object.entries(status.failures)
    .map(([why, n]) => `${n}× ${why}`)
    .join(', ') || 'none';
const spread = (status: Status, fleet: Fleet) => fleet.members.map((m) => status.upstreams[`127.0.0.1:${m.port}`] ?? 0).join(' / ');

export async function connect(dashboards: Dashboards, fleet: Fleet, proxy: string): Promise<Row> {
  const started = Date.now();
  await dashboards.connect(proxy);
  // Connected is not yet live: each takes its snapshot before it joins the live room.
  const { status } = await dashboards.until((s) => s.connected === dashboards.count && s.minSeq >= 0, 60_000);
  return {
    measure: `${dashboards.count} dashboards through nginx`,
    figure: `${status.connected} connected with their snapshot in ${seconds(Date.now() - started)}; per process ${spread(status, fleet)}; failed attempts: ${failures(status)}`,
    target: 'all connected, on every process',
    ok:
      status.connected === dashboards.count &&
      status.minSeq >= 0 &&
      fleet.members.every((m) => (status.upstreams[`127.0.0.1:${m.port}`] ?? 0) > 0),
  };
}

/** Each process counts the whole cluster's viewers, and tells its dashboards that count. */
export async function presence(dashboards: Dashboards, fleet: Fleet): Promise<Row> {
  const started = Date.now();
  let counts: number[] = [];
  for (;;) {
    counts = await fleet.presence();
    const told = (await dashboards.status()).presence[String(dashboards.count)] ?? 0;
    if (counts.every((n) => n === dashboards.count) && told === dashboards.count) break;
    if (Date.now() - started > 15_000) {
      return {
        measure: 'presence summed over the processes',
        figure: `processes count ${counts.join(' / ')}; ${told} dashboards told ${dashboards.count}`,
        target: `${dashboards.count} everywhere`,
        ok: false,
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    measure: 'presence summed over the processes',
    figure: `every process counts ${dashboards.count}, every dashboard is told ${dashboards.count} (after ${seconds(Date.now() - started)})`,
    target: `${dashboards.count} everywhere`,
    ok: true,
  };
}

/** POSTs on the first process, timed from just before the POST to each dashboard on every process. */
export async function fanout(dashboards: Dashboards, fleet: Fleet, rounds: number): Promise<Row> {
  const first = fleet.members[0] as Member;
  let seq = ((await (await fetch(`${first.url}/api/treaties`)).json()) as { seq: number }).seq;
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    seq += 1;
    const expected = seq;
    latencies.push(
      ...(await dashboards.latencies(expected, async () => {
        const written = await postUpdate(first.url, `Fleet fan-out ${i}`);
        if (written !== expected) throw new Error(`expected seq ${expected}, the server wrote ${written}`);
      })),
    );
    await new Promise((r) => setTimeout(r, 300));
  }
  const d = distribution(latencies);
  const expected = rounds * dashboards.count;
  return {
    measure: `POST on one process → every dashboard on all ${fleet.members.length} (ms, ${rounds} updates)`,
    figure: `p50 ${d.p50} / p95 ${d.p95} / p99 ${d.p99} / max ${d.max}; ${latencies.length}/${expected} received`,
    target: 'every dashboard gets every change',
    ok: latencies.length === expected,
  };
}

/**
 * Where a recovery's time went, for the connections that dropped after `since`: how long after
 * it they dropped (the first and the last), and how long each took from its drop to a handshake
 * the server took again.
 */
function outages(status: Status, since: number): string {
  const after = status.outages.filter(([dropped]) => dropped >= since);
  if (!after.length) return 'no connection dropped';
  const drops = distribution(after.map(([dropped]) => dropped - since));
  const gone = distribution(after.map(([dropped, back]) => back - dropped));
  return `${after.length} dropped ${seconds(Math.min(...after.map(([dropped]) => dropped - since)))} to ${seconds(drops.max)} after the signal, reconnected p50 ${seconds(gone.p50)} / p99 ${seconds(gone.p99)} / max ${seconds(gone.max)} after their drop`;
}

/** Every dashboard connected, on a process that is up, at the seq `mark` or later. */
const allBackAt = (dashboards: Dashboards, gone?: Member) => (s: Status, mark: number) =>
  s.connected === dashboards.count && s.minSeq >= mark && (!gone || !s.upstreams[`127.0.0.1:${gone.port}`]);

/** The writer stopped, every dashboard at its last seq: the changes they missed and doubled since `before`. */
async function settle(
  dashboards: Dashboards,
  writer: Writer,
  before: Status,
): Promise<{ ok: boolean; missed: number; doubled: number; resnapshots: number }> {
  const last = await writer.stop();
  const { ok, status } = await dashboards.until(allBackAt(dashboards), BACK_WITHIN_MS, () => last);
  return {
    ok,
    missed: status.missed - before.missed,
    doubled: status.doubled - before.doubled,
    resnapshots: status.resnapshots - before.resnapshots,
  };
}

const tally = (writer: Writer, after: { missed: number; doubled: number; resnapshots: number }) =>
  `${writer.posted} changes posted meanwhile (${writer.failed} failed): ${after.missed} missed, ${after.doubled} doubled, ${after.resnapshots} caught up by snapshot`;

/** One process killed while an editor posts on another: its dashboards come back through nginx on the rest. */
export async function killOne(dashboards: Dashboards, fleet: Fleet, nginx: Nginx, writeEveryMs: number): Promise<Row> {
  const victim = fleet.members.at(-1) as Member;
  const writeTo = fleet.members[0] as Member;
  const before = await dashboards.status();
  const onVictim = before.upstreams[`127.0.0.1:${victim.port}`] ?? 0;
  const writer = new Writer(() => writeTo.url, writeEveryMs, 'Fleet kill');
  await new Promise((r) => setTimeout(r, 500));
  const killedAt = Date.now();
  await fleet.kill(victim);
  const back = await dashboards.until(allBackAt(dashboards, victim), 30_000, () => writer.latest);
  const backMs = Date.now() - killedAt;
  await new Promise((r) => setTimeout(r, 1000));
  const after = await settle(dashboards, writer, before);
  await fleet.startMember(victim);
  const routed = await nginx.routesTo(victim.port, 30_000);
  return {
    measure: `one of ${fleet.members.length} killed (SIGKILL), ${onVictim} dashboards on it`,
    figure: `${back.ok ? `all back on the others at the newest seq after ${seconds(backMs)}` : `not all back after ${seconds(backMs)} (${back.status.connected} connected, lowest seq ${back.status.minSeq})`}; ${outages(back.status, killedAt)}; ${tally(writer, after)}; failed reconnections: ${failures(back.status)}`,
    target: `back within ${seconds(BACK_WITHIN_MS)}, none missed or doubled`,
    ok: routed && back.ok && backMs <= BACK_WITHIN_MS && after.ok && after.missed === 0 && after.doubled === 0 && writer.failed === 0,
  };
}

/** Every process stopped with SIGTERM and started again, one after another, while an editor posts on one that stays up. */
export async function rollingRestart(dashboards: Dashboards, fleet: Fleet, nginx: Nginx, writeEveryMs: number): Promise<Row> {
  const before = await dashboards.status();
  let writeTo = fleet.members[1] as Member;
  const writer = new Writer(() => writeTo.url, writeEveryMs, 'Fleet rolling restart');
  const steps: number[] = [];
  const breakdown: string[] = [];
  let allBack = true;
  let notBack = '';
  const started = Date.now();
  for (const [i, member] of fleet.members.entries()) {
    writeTo = fleet.members[(i + 1) % fleet.members.length] as Member;
    const stoppedAt = Date.now();
    // Timed from the signal, not from the exit: the dashboards are sent off first, and a process may take seconds to finish what is under way.
    const stopped = fleet.stop(member).then(() => Date.now() - stoppedAt);
    const back = await dashboards.until(allBackAt(dashboards, member), 30_000, () => writer.latest);
    if (!back.ok) notBack ||= `; after stopping ${member.port}: ${back.status.connected} connected, lowest seq ${back.status.minSeq}`;
    allBack &&= back.ok;
    steps.push(Date.now() - stoppedAt);
    breakdown.push(`${member.port}: exited after ${seconds(await stopped)}, ${outages(back.status, stoppedAt)}`);
    await fleet.startMember(member);
    if (!(await nginx.routesTo(member.port, 30_000))) notBack ||= `; nginx sent nothing to ${member.port} within 30 s of its restart`;
  }
  const totalMs = Date.now() - started;
  const after = await settle(dashboards, writer, before);
  const status = await dashboards.status();
  return {
    measure: `rolling restart of all ${fleet.members.length} (SIGTERM, one at a time)`,
    figure: `its dashboards back on the others at the newest seq ${steps.map(seconds).join(' / ')} after each SIGTERM, ${seconds(totalMs)} in all (restarts included); ${breakdown.join('; ')}; ${tally(writer, after)}; now per process ${spread(status, fleet)}${notBack}; failed reconnections so far: ${failures(status)}`,
    target: `each back within ${seconds(BACK_WITHIN_MS)}, no dashboard misses a change`,
    ok:
      !notBack &&
      allBack &&
      steps.every((ms) => ms <= BACK_WITHIN_MS) &&
      after.ok &&
      after.missed === 0 &&
      after.doubled === 0 &&
      writer.failed === 0,
  };
}
