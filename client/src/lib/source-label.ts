/**
 * A source as a reader can tell it from the others: its host and path, not a title three
 * sources share ("state.gov"). Long paths keep their start and their end.
 */
export function sourceLabel(url: string, max = 90): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.slice(0, max);
  }
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as it was written.
  }
  const label = `${parsed.hostname.replace(/^www\./, '')}${path === '/' ? '' : path.replace(/\/$/, '')}${parsed.search}`;
  if (label.length <= max) return label;
  const keep = max - 1;
  return `${label.slice(0, Math.ceil(keep * 0.6))}…${label.slice(label.length - Math.floor(keep * 0.4))}`;
}
