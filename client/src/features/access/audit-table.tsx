import type { AuditEntry } from '@treaty-watch/shared';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../lib/time';

const COLUMNS = ['When', 'Who', 'What', 'On', 'Token'];

/** One page of the trail; the token column names the token, the actor column who signed the change. */
export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: Map<string, string> }) {
  return (
    <DataTable
      label="Audit entries"
      columns={COLUMNS}
      rows={entries.map((entry) => (
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
    />
  );
}
