import { formatDate, isoDate, relativeAge } from '../lib/time';

/** An absolute date in the reader's locale (ISO on hover) with its relative age beside it. */
export function Dated({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso} title={isoDate(iso)}>
        {formatDate(iso)}
      </time>
      <span className="age"> · {relativeAge(iso, now)}</span>
    </>
  );
}
