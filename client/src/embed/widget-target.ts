import { treatyIdSchema } from '@treaty-watch/shared';

/** What a widget's address names: every treaty (`/embed/board`), one (`/embed/treaty/:id`), or one that cannot exist. */
export type WidgetTarget = { kind: 'board' } | { kind: 'treaty'; id: string } | { kind: 'none' };

export function widgetTargetOf(pathname: string): WidgetTarget {
  const raw = /^\/embed\/treaty\/([^/]+)$/.exec(pathname)?.[1];
  if (raw === undefined) return { kind: 'board' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: 'none' };
  }
  const id = treatyIdSchema.safeParse(decoded);
  return id.success ? { kind: 'treaty', id: id.data } : { kind: 'none' };
}
