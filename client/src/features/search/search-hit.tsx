import type { SearchHit } from '@treaty-watch/shared';
import { formatDate, formatDateTime, isoDate } from '../../lib/time';
import { NavLink } from '../../components/nav-link';
import { MarkedText } from './marked-text';
import { snippet } from './snippet';

/** One result: its headline and the part of its body that matched, the words marked. */
export function SearchHitView({ hit, treatyName }: { hit: SearchHit; treatyName: string }) {
  const wording = hit.kind === 'update' ? hit.update : hit.scheduled;
  const body = snippet(wording.body ?? '', hit.marks.body);
  const headline = <MarkedText text={wording.headline} marks={hit.marks.headline} />;
  const href = `/treaties/${encodeURIComponent(wording.treatyId)}`;
  return (
    <li className={`search-hit${hit.retracted ? ' search-hit-retracted' : ''}`}>
      <h2 className="search-headline">
        <NavLink href={href}>{hit.retracted ? <del>{headline}</del> : headline}</NavLink>
      </h2>
      <p className="search-meta">
        <span className="search-treaty">{treatyName}</span> ·{' '}
        <time dateTime={wording.occurredAt} title={isoDate(wording.occurredAt)}>
          {formatDate(wording.occurredAt)}
        </time>
        {hit.kind === 'update' && hit.update.correctedAt && <span className="corrected"> · corrected</span>}
      </p>
      {hit.kind === 'update' && hit.update.retractedAt && <p className="retracted">Retracted: {hit.update.retractionReason}</p>}
      {hit.kind === 'embargoed' && (
        <p className="search-embargo">Embargoed until {formatDateTime(hit.scheduled.publishAt)}: only editors see this</p>
      )}
      {body.text && (
        <p className="search-body">
          <MarkedText text={body.text} marks={body.marks} />
        </p>
      )}
    </li>
  );
}
