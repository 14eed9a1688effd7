import type { Source } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { sourceLabel } from '../../lib/source-label';

/** Each source by its host and path; a title that only repeats the host is not said twice. */
export function TreatySources({ sources }: { sources: Source[] }) {
  return (
    <section aria-label="Sources">
      <h2>Sources</h2>
      <ul className="sources">
        {sources.map((source) => (
          <li key={source.url}>
            <SourceLink url={source.url} title={sourceLabel(source.url).startsWith(source.title) ? undefined : source.title} />
          </li>
        ))}
      </ul>
    </section>
  );
}
