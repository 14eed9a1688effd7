import { sourceLabel } from '../../lib/source-label';
import type { ExchangeRow } from './exchange-rows';

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: ExchangeRow }[];
}

const figure = (n: number | null) => (n === null ? 'not reported' : n.toLocaleString());

/** One row's figures with where they come from and what to mind about them. */
export function ExchangeTooltip({ active, payload }: TooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="exchange-tooltip">
      <p className="exchange-tooltip-date">
        {row.asOf}
        {row.voluntary && ' · voluntary US publication, not a data exchange'}
      </p>
      <p>United States: {figure(row['United States'])}</p>
      <p>Russia: {figure(row.Russia)}</p>
      {row.Limit !== null && <p>Limit: {row.Limit.toLocaleString()}</p>}
      <p className="exchange-tooltip-source">Source: {sourceLabel(row.source, 60)}</p>
      <p className="exchange-tooltip-source">{row.note}</p>
      {row.caveat && <p className="exchange-tooltip-caveat">Caveat: {row.caveat}</p>}
    </div>
  );
}
