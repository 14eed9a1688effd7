import { sourceLabel } from '../lib/source-label';
import './source-link.css';

/** A link to a source that names its host and path, with the full address on hover. */
export function SourceLink({ url, title, max }: { url: string; title?: string; max?: number }) {
  return (
    <a className="source-link" href={url} target="_blank" rel="noopener noreferrer" title={url}>
      {title ? `${title} — ` : ''}
      {sourceLabel(url, max)}
    </a>
  );
}
