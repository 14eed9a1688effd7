import { describe, expect, it } from 'vitest';
import type { PostUpdateResponse } from '@treaty-watch/shared';
import { postUpdate, request } from '../support/api-client';
import { BoardClient } from '../support/board-client';
import { seriesValue as value } from '../support/metrics';
import { useServer } from '../support/use-server';

const board = useServer();

async function metrics(): Promise<string> {
  const response = await fetch(`${board.server.url}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('GET /metrics', () => {
  it('reports connected screens, the log seq, changes broadcast, latency by route and rounds of scheduled work', async () => {
    const screen = new BoardClient(board.server.url, { client: 'screen' });
    await screen.until(() => screen.snapshots.length === 1);
    const before = await metrics();
    const posted = await postUpdate<PostUpdateResponse>(board.server.url, 'npt', { headline: 'Counted' });
    await request(`${board.server.url}/api/treaties/npt`);
    await screen.until(() => screen.changes.length === 1);
    const after = await metrics();
    screen.close();

    expect(value(after, 'treaty_watch_connected_clients{kind="screen"}')).toBe(1);
    expect(value(after, 'treaty_watch_event_log_seq')).toBe(posted.body.update.seq);
    expect(value(after, 'treaty_watch_changes_broadcast_total') - value(before, 'treaty_watch_changes_broadcast_total')).toBe(1);
    expect(after).toMatch(
      /treaty_watch_http_request_duration_seconds_count\{method="GET",route="\/api\/treaties\/:id",status="200"\} [1-9]/,
    );
    expect(after).toMatch(
      /treaty_watch_http_request_duration_seconds_count\{method="POST",route="\/api\/treaties\/:id\/updates",status="201"\} [1-9]/,
    );
    expect(after).toContain('treaty_watch_store_errors_total 0');
    // The round at start has run before the server answers anything.
    expect(value(before, 'treaty_watch_due_rounds_total')).toBeGreaterThanOrEqual(1);
  });
});
