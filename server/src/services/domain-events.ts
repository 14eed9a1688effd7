import type { Change } from '@treaty-watch/shared';

/** What the bus carries, by name. */
export interface DomainEventMap {
  /** A change this process committed, published by the write path once its transaction is on disk. */
  'change.committed': Change;
  /** A change another server process committed, relayed here by the cluster (with Redis). */
  'change.relayed': Change;
}

type Handler<K extends keyof DomainEventMap> = (event: DomainEventMap[K]) => void;

/**
 * The one in-process bus for committed changes. The write path publishes, the cluster relays what
 * other processes committed, and the broadcaster, the webhook outbox, metrics and caches
 * subscribe, so a new write cannot forget one of them.
 */
export class DomainEvents {
  private readonly handlers: { [K in keyof DomainEventMap]: Handler<K>[] } = { 'change.committed': [], 'change.relayed': [] };

  /** A failing subscriber is reported here: the change is committed by then, and the other subscribers still get it. */
  constructor(private readonly onSubscriberError: (error: unknown) => void = () => undefined) {}

  on<K extends keyof DomainEventMap>(name: K, handler: Handler<K>): void {
    this.handlers[name].push(handler);
  }

  publish(change: Change): void {
    this.dispatch('change.committed', change);
  }

  relay(change: Change): void {
    this.dispatch('change.relayed', change);
  }

  private dispatch<K extends keyof DomainEventMap>(name: K, event: DomainEventMap[K]): void {
    for (const handler of this.handlers[name]) {
      try {
        handler(event);
      } catch (error) {
        this.onSubscriberError(error);
      }
    }
  }
}
