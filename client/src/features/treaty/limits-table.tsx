import type { Caveat, Limit } from '@treaty-watch/shared';
import { Uncertain } from '../../components/uncertain';
import { formatDate } from '../../lib/time';

/** "1,700–2,200 warheads" for a ceiling range (SORT), "1,550 warheads" for a single ceiling. */
export function limitValue(limit: Limit): string {
  const high = limit.value.toLocaleString();
  return `${limit.from === undefined ? high : `${limit.from.toLocaleString()}–${high}`} ${limit.unit}`;
}

export function LimitsTable({ limits, caveat }: { limits: Limit[]; caveat?: Caveat }) {
  return (
    <table className="limits">
      <caption>
        Limits
        {caveat && <Uncertain note={caveat.note} />}
      </caption>
      <tbody>
        {limits.map((limit) => (
          <tr key={limit.label}>
            <th scope="row">{limit.label}</th>
            <td>
              {limitValue(limit)}
              {limit.deadline && (
                <span className="limit-deadline">
                  {' '}
                  by{' '}
                  <time dateTime={limit.deadline} title={limit.deadline}>
                    {formatDate(`${limit.deadline}T00:00:00.000Z`)}
                  </time>
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
