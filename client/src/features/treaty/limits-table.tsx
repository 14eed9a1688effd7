import type { Limit } from '@treaty-watch/shared';

export function LimitsTable({ limits }: { limits: Limit[] }) {
  return (
    <table className="limits">
      <caption>Limits</caption>
      <tbody>
        {limits.map((limit) => (
          <tr key={limit.label}>
            <th scope="row">{limit.label}</th>
            <td>
              {limit.value.toLocaleString()} {limit.unit}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
