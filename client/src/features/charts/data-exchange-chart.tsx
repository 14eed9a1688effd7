import { useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DataExchangesResponse, Forces, Treaty } from '@treaty-watch/shared';
import { apiFetch } from '../../lib/api';
import { AXIS } from './chart-colors';
import { ChartFrame } from './chart-frame';
import { exchangeRows, isVoluntary } from './exchange-rows';
import { ExchangeTable } from './exchange-table';
import { ExchangeTooltip } from './exchange-tooltip';

interface Measure {
  key: keyof Forces;
  title: string;
  /** Which of the treaty's limits this measure is held against. */
  limit: (label: string) => boolean;
}

const MEASURES: Measure[] = [
  { key: 'deployedWarheads', title: 'Deployed warheads', limit: (l) => l.startsWith('Warheads on deployed') },
  { key: 'deployedLaunchers', title: 'Deployed launchers', limit: (l) => l.startsWith('Deployed ICBMs') },
  { key: 'totalLaunchers', title: 'Deployed and non-deployed launchers', limit: (l) => l.startsWith('Deployed and non-deployed') },
];

function useExchanges(): DataExchangesResponse | undefined {
  const [response, setResponse] = useState<DataExchangesResponse>();
  useEffect(() => {
    apiFetch<DataExchangesResponse>('/api/treaties/new-start/data-exchanges').then(setResponse, () =>
      setResponse({ treatyId: 'new-start', limitsFrom: '', exchanges: [] }),
    );
  }, []);
  return response;
}

/** What each side declared under New START, against the treaty's limits; gaps where a side did not report. */
export function DataExchangeChart({
  treaty,
  now,
  height = 240,
  only,
}: {
  treaty: Treaty | undefined;
  now: number;
  height?: number;
  /** One measure instead of all three, where there is room for one (the wall screen). */
  only?: keyof Forces;
}) {
  const day = new Date(now).toISOString().slice(0, 10);
  const response = useExchanges();
  const exchanges = response?.exchanges.filter((e) => e.asOf <= day);
  if (!treaty || !response || !exchanges || exchanges.length === 0) return null;
  const { limitsFrom } = response;
  const voluntary = exchanges.filter(isVoluntary).map((e) => e.asOf);
  return (
    <ChartFrame
      title="New START data exchanges"
      description={`Each side's declared forces, from the fact sheet's sources, against the treaty's limits (dashed), which applied from ${limitsFrom}. Gaps: a side did not report.${voluntary.length ? ` ${voluntary.join(', ')}: a voluntary US publication, not a data exchange.` : ''}`}
      table={only ? undefined : <ExchangeTable exchanges={exchanges} limitsFrom={limitsFrom} />}
    >
      <div className="chart-row">
        {MEASURES.filter((m) => !only || m.key === only).map((measure) => {
          const limit = treaty.limits?.find((l) => measure.limit(l.label));
          const data = exchangeRows(exchanges, measure.key, limit);
          return (
            <div key={measure.key} className="chart-cell">
              <h4>{measure.title}</h4>
              <ResponsiveContainer width="100%" height={height}>
                <LineChart data={data} margin={{ left: 0, right: 12, top: 10, bottom: 24 }}>
                  <CartesianGrid stroke="#3a444d" strokeDasharray="2 4" />
                  <XAxis
                    dataKey="asOf"
                    tickFormatter={(d: string) => d.slice(0, 4)}
                    {...AXIS}
                    label={{ value: 'Data as of', position: 'insideBottom', offset: -14, fill: '#d9dee2' }}
                  />
                  <YAxis
                    {...AXIS}
                    width={64}
                    domain={[0, 'auto']}
                    label={{ value: 'Declared', angle: -90, position: 'insideLeft', fill: '#d9dee2' }}
                  />
                  <Tooltip content={<ExchangeTooltip />} />
                  <Legend position="top" height={24} />
                  <Line dataKey="United States" stroke="#56b4e9" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
                  <Line dataKey="Russia" stroke="#e69f00" strokeWidth={2} dot={{ r: 3 }} strokeDasharray="6 2" isAnimationActive={false} />
                  {limit && (
                    <Line
                      dataKey="Limit"
                      name={`Limit ${limit.value.toLocaleString()}, from ${limitsFrom.slice(0, 4)}`}
                      stroke="#f2f4f5"
                      strokeDasharray="4 4"
                      dot={false}
                      activeDot={false}
                      isAnimationActive={false}
                    />
                  )}
                  {voluntary.map((asOf) => (
                    <ReferenceLine
                      key={asOf}
                      x={asOf}
                      stroke="#ffd166"
                      strokeDasharray="2 3"
                      label={{ value: 'US only, voluntary', position: 'insideTopLeft', fill: '#ffd166' }}
                    />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </div>
          );
        })}
      </div>
    </ChartFrame>
  );
}
