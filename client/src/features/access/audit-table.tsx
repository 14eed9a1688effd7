import type { AuditEntry } from '@treaty-watch/shared';
import { formatDateTime } from '../../lib/time';

/** One page of the trail; the token column names the token, the actor column who signed the change. */
export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: Map<string, string> }) {
  return (
    <div className="table-scroll" role="region" aria-label="Audit entries" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Token</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at} title={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
              </td>
              <td>{entry.actor}</td>
              <td>{entry.action}</td>
              <td>
                <code>{entry.target}</code>
              </td>
              <td>{names.get(entry.tokenId) ?? entry.tokenId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
