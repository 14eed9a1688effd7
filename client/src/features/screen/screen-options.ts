/** What a wall screen is told in its URL: `/screen?treaties=inf,new-start&name=desk-3&banner=20`. */
export interface ScreenOptions {
  treaties: string[] | undefined;
  name: string | undefined;
  /** How long a breaking change holds the screen, in milliseconds. */
  bannerMs: number;
}

const DEFAULT_BANNER_S = 15;

export function screenOptions(search: URLSearchParams): ScreenOptions {
  const treaties = search
    .get('treaties')
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const banner = Number(search.get('banner'));
  return {
    treaties: treaties && treaties.length > 0 ? treaties : undefined,
    name: search.get('name')?.slice(0, 60) || undefined,
    bannerMs: (Number.isFinite(banner) && banner >= 3 && banner <= 600 ? banner : DEFAULT_BANNER_S) * 1000,
  };
}
