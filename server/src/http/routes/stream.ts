import { Router } from 'express';
import { lastEventIdSchema, streamQuerySchema } from '@treaty-watch/shared';
import type { Snapshot } from '@treaty-watch/shared';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { EventStreams } from '../../realtime/event-streams';
import { gripChannelOf, gripLastSeq } from '../../realtime/grip-hold';
import { validGripSig } from '../../realtime/grip-sig';
import { EVENT_STREAM_HEADERS, HEARTBEAT_FRAME, openingFor } from '../../realtime/stream-frames';
import { parseQuery } from '../parse';
import { HttpProblem, problems } from '../problem';

export interface StreamDeps {
  streams: EventStreams;
  broadcaster: Broadcaster;
  snapshot: () => Promise<Snapshot>;
  /** Set when Pushpin stands in front: it holds the readers, this process only opens their streams. */
  grip: { heartbeatSeconds: number; sigKey: string; now: () => Date; handed: (seq: number) => Promise<void> } | undefined;
}

// GRIP's cstring format: Pushpin unescapes \n itself.
const keepAlive = (seconds: number) => `${JSON.stringify(HEARTBEAT_FRAME).slice(1, -1)}; format=cstring; timeout=${seconds}`;

const nextLink = (treaties: string[] | undefined, seq: number) =>
  `/api/stream?${new URLSearchParams({ ...(treaties ? { treaties: treaties.join(',') } : {}), lastEventId: String(seq) }).toString()}`;

export function streamRoutes(deps: StreamDeps): Router {
  const router = Router();
  router.get('/stream', async (req, res) => {
    const query = parseQuery(streamQuerySchema, req.query);
    // Express routes HEAD here too, and a stream that sends no body would never send its headers:
    // a HEAD gets them, and nothing is held open for it.
    if (req.method === 'HEAD') {
      res.writeHead(200, EVENT_STREAM_HEADERS).end();
      return;
    }
    // A header that is not a seq this server sent is a first visit, not an error: EventSource resends whatever it was given.
    const header = lastEventIdSchema.safeParse(req.get('last-event-id'));
    const lastEventId = query.lastEventId ?? (header.success ? header.data : undefined);
    const filter = query.treaties ? new Set(query.treaties) : undefined;
    // Pushpin signs what it forwards; a reader who reaches this process directly is served here.
    if (deps.grip && validGripSig(req.get('grip-sig'), deps.grip.sigKey, deps.grip.now().getTime())) {
      const opening = await openingFor(deps.broadcaster, deps.snapshot, gripLastSeq(req.get('grip-last')) ?? lastEventId, filter);
      // Held no further on than Pushpin has been given, so the next change it relays follows on.
      await deps.grip.handed(opening.seq);
      res.writeHead(200, {
        ...EVENT_STREAM_HEADERS,
        'grip-hold': 'stream',
        'grip-channel': gripChannelOf(filter, opening.seq),
        'grip-keep-alive': keepAlive(deps.grip.heartbeatSeconds),
        // Where Pushpin asks, as this reader, for what it missed when a published change does not follow on.
        'grip-link': `<${nextLink(query.treaties, opening.seq)}>; rel=next`,
      });
      res.end(opening.text);
      return;
    }
    if (deps.streams.full) {
      res.set('retry-after', '30');
      throw new HttpProblem(problems.notReady('This server holds as many event streams as it may; try again shortly.'));
    }
    await deps.streams.open(res, lastEventId, filter);
  });
  return router;
}
