import type { ReactNode } from 'react';

/** A chart with its title and a sentence that says what it shows, for every reader; its figures as a table where it has one. */
export function ChartFrame({
  title,
  description,
  children,
  table,
}: {
  title: string;
  description: string;
  children: ReactNode;
  table?: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption>
        <h3>{title}</h3>
        <p className="chart-description">{description}</p>
      </figcaption>
      <div className="chart-body" role="img" aria-label={`${title}. ${description}`}>
        {children}
      </div>
      {table}
    </figure>
  );
}
