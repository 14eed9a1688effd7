import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * A table of records under column headings, scrolling sideways inside its own named region on a
 * narrow screen. `rows` are the `<tr>`s; a heading may be a node (a visually hidden "Actions").
 */
export function DataTable({
  label,
  caption,
  columns,
  className,
  rows,
}: {
  label: string;
  caption?: string;
  columns: readonly ReactNode[];
  className?: string;
  rows: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className={className}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </TableScroll>
  );
}
