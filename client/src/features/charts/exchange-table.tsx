import type { DataExchange, Forces } from '@treaty-watch/shared';
import { SourceLink } from '../../components/source-link';
import { isVoluntary } from './exchange-rows';

const COLUMNS: { key: keyof Forces; title: string }[] = [
  { key: 'deployedWarheads', title: 'deployed warheads' },
  { key: 'deployedLaunchers', title: 'deployed launchers' },
  { key: 'totalLaunchers', title: 'all launchers' },
];

const figure = (n: number | null) => (n === null ? <span className="not-recorded">not reported</span> : n.toLocaleString());

/** The chart's figures as a table, each row with its source and caveat: what the chart draws, for every reader. */
export function ExchangeTable({ exchanges, limitsFrom }: { exchanges: DataExchange[]; limitsFrom: string }) {
  return (
    <details className="chart-table">
      <summary>The figures as a table, with each row's source and caveat</summary>
      <table>
        <caption>New START declared forces. The limits applied from {limitsFrom}.</caption>
        <thead>
          <tr>
            <th scope="col">As of</th>
            {COLUMNS.map((c) => (
              <th key={`us-${c.key}`} scope="col">
                US {c.title}
              </th>
            ))}
            {COLUMNS.map((c) => (
              <th key={`ru-${c.key}`} scope="col">
                Russia {c.title}
              </th>
            ))}
            <th scope="col">Source and caveat</th>
          </tr>
        </thead>
        <tbody>
          {exchanges.map((e) => (
            <tr key={e.asOf} data-as-of={e.asOf}>
              <th scope="row">
                {e.asOf}
                {isVoluntary(e) && <span className="voluntary"> · voluntary US publication, not a data exchange</span>}
              </th>
              {COLUMNS.map((c) => (
                <td key={`us-${c.key}`}>{figure(e.us[c.key])}</td>
              ))}
              {COLUMNS.map((c) => (
                <td key={`ru-${c.key}`}>{figure(e.russia[c.key])}</td>
              ))}
              <td>
                <SourceLink url={e.source} />
                <br />
                {e.note}
                {e.caveat && (
                  <>
                    <br />
                    <strong>Caveat:</strong> {e.caveat}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
