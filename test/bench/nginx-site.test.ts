import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig, UPSTREAM_HEADER, workerPlan } from '../../bench/cluster/nginx';
import { repoRoot } from '../support/paths';

describe('the cluster bench’s nginx', () => {
  const shipped = fs.readFileSync(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8');
  const site = siteConfig(46000, [46001, 46002, 46003, 46004]);

  it('is deploy/nginx.conf with the bench’s ports, every process, and least_conn for stickiness it does not need', () => {
    expect(site).toContain('listen 127.0.0.1:46000 reuseport backlog=4096;');
    const servers = [...site.matchAll(/^\s*server 127\.0\.0\.1:(\d+)([^;]*);$/gm)];
    expect(servers.map((m) => m[1])).toEqual(['46001', '46002', '46003', '46004']);
    const shippedOptions = /server 127\.0\.0\.1:3001([^;]*);/.exec(shipped)?.[1];
    expect(servers.every((m) => m[2] === shippedOptions)).toBe(true);
    expect(site).not.toContain('ip_hash');
    expect(site).toContain('least_conn;');
    // Everything else as shipped: the headers passed on, the timeouts, the upgrade.
    const kept = (conf: string) => conf.split('\n').filter((line) => /proxy_|map |default |client_max_body_size/.test(line));
    expect(kept(site)).toEqual(kept(shipped));
  });

  it('names the process behind it in every location it proxies', () => {
    const locations = site.split(/\blocation\b/).slice(1);
    expect(locations).toHaveLength(2);
    for (const location of locations) expect(location).toContain(`add_header ${UPSTREAM_HEADER} $upstream_addr always;`);
  });

  it('gives nginx the workers two files per client need, under its open-file limit', () => {
    expect(workerPlan(16_000, 20_000)).toEqual({ workers: 3, workerConnections: 19_900 });
    expect(workerPlan(1000, 20_000)).toEqual({ workers: 1, workerConnections: 19_900 });
    const plan = workerPlan(16_000, 'unlimited');
    expect(plan.workers * plan.workerConnections).toBeGreaterThanOrEqual(2 * 16_000);
  });
});
