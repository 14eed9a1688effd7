import type { OEmbedResponse } from '@treaty-watch/shared';
import { embedThemeOf, treatyIdSchema } from '@treaty-watch/shared';
import { xml } from '../feeds/atom';

/** What a pasted URL names on this board, once it is known to start with the public URL. */
export type EmbedTarget = { kind: 'treaty'; treatyId: string; theme: string | null } | { kind: 'board'; theme: string | null };

const SIZES = { treaty: { width: 380, height: 170 }, board: { width: 420, height: 520 } } as const;

/**
 * A treaty page (`/treaties/:id`), a treaty widget (`/embed/treaty/:id`) or the board widget
 * (`/embed/board`) under `publicUrl`; anything else, on this host or not, names nothing.
 */
export function embedTargetOf(raw: string, publicUrl: string): EmbedTarget | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(raw);
    base = new URL(publicUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.username || url.password) return undefined;
  const prefix = base.pathname.replace(/\/$/, '');
  if (!url.pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = url.pathname.slice(prefix.length);
  const theme = url.searchParams.get('theme');
  if (rest === '/embed/board') return { kind: 'board', theme };
  const id = /^\/(?:treaties|embed\/treaty)\/([^/]+)$/.exec(rest)?.[1];
  const parsed = treatyIdSchema.safeParse(id);
  return parsed.success ? { kind: 'treaty', treatyId: parsed.data, theme } : undefined;
}

/** The embed URL a target is framed by, carrying a theme only when it is one the widget knows. */
export function embedUrlOf(target: EmbedTarget, publicUrl: string): string {
  const path = target.kind === 'board' ? '/embed/board' : `/embed/treaty/${target.treatyId}`;
  const theme = embedThemeOf(target.theme);
  return `${publicUrl}${path}${target.theme === theme ? `?theme=${theme}` : ''}`;
}

/** The rich oEmbed answer: an iframe of the widget, no larger than the consumer allows. */
export function oembedFor(
  target: EmbedTarget,
  title: string,
  publicUrl: string,
  max: { maxwidth?: number | undefined; maxheight?: number | undefined },
): OEmbedResponse {
  const size = SIZES[target.kind];
  const width = Math.min(size.width, max.maxwidth ?? size.width);
  const height = Math.min(size.height, max.maxheight ?? size.height);
  const src = embedUrlOf(target, publicUrl);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Treaty Watch',
    provider_url: `${publicUrl}/`,
    html: `<iframe src="${xml(src)}" title="${xml(title)}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`,
    width,
    height,
    cache_age: 3600,
  };
}
