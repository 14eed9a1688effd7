import { formatDate, isoDate } from '../../lib/time';

/** A date of the record, or, where the record holds the act but not its day, says so. */
export function RecordDate({ iso }: { iso: string | undefined }) {
  if (!iso) return <span className="not-recorded">date not recorded</span>;
  return (
    <time dateTime={iso} title={isoDate(iso)}>
      {formatDate(iso)}
    </time>
  );
}
