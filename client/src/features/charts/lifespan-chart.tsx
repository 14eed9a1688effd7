import { Bar, ComposedChart, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { displayStatus, STATUS_LABELS, type Treaty, type Update } from '@treaty-watch/shared';
import { formatDate } from '../../lib/time';
import { AXIS, STATUS_COLOR, TOOLTIP } from './chart-colors';
import { ChartFrame } from './chart-frame';
import { LifespanMarks } from './lifespan-marks';

const ENDED = new Set(['abandoned', 'expired']);
const year = (ms: number) => String(new Date(ms).getUTCFullYear());

interface Row {
  name: string;
  span: [number, number];
  status: ReturnType<typeof displayStatus>;
}

/**
 * Each treaty from signature (or its first entry) to its end, or to `now` while it lives; on a
 * board shown as of a date, `now` is that date and later events are left out.
 */
export function LifespanChart({
  treaties,
  events,
  now,
  height,
  axisWidth = 110,
}: {
  treaties: Treaty[];
  events: Pick<Update, 'id' | 'treatyId' | 'occurredAt'>[];
  now: number;
  height?: number;
  /** Room for the treaty names, which must grow with the type on a wall screen. */
  axisWidth?: number;
}) {
  const rows: Row[] = treaties.map((t) => {
    const start = Date.parse(t.signedAt ?? t.inForceAt ?? t.statusSince);
    const end = ENDED.has(t.status) ? Date.parse(t.statusSince) : now;
    return { name: t.shortName, span: [start, Math.max(start, end)], status: displayStatus(t, now) };
  });
  const names = new Map(treaties.map((t) => [t.id, t.shortName]));
  const first = Math.min(...rows.map((r) => r.span[0]), now);
  const marks = events.flatMap((event) => {
    const row = names.get(event.treatyId);
    return row ? [{ key: event.id, at: Date.parse(event.occurredAt), row }] : [];
  });
  const entries = treaties.flatMap((t) => (t.inForceAt ? [{ key: t.id, at: Date.parse(t.inForceAt), row: t.shortName }] : []));
  // On a board shown as of a date the line marks that date, not today.
  const isToday = new Date(now).toISOString().slice(0, 10) === new Date().toISOString().slice(0, 10);
  const marker = isToday ? 'today' : formatDate(new Date(now).toISOString());
  return (
    <ChartFrame
      title="Treaty lifespans"
      description={`From signature to the end of each treaty, or to ${marker}; the colour and the tooltip give its status; diamonds mark entry into force, dots mark dated events, the line marks ${marker}.`}
    >
      <ResponsiveContainer width="100%" height={height ?? Math.max(220, rows.length * 34 + 60)}>
        <ComposedChart layout="vertical" data={rows} margin={{ left: 10, right: 32, top: 18, bottom: 20 }}>
          <XAxis
            type="number"
            dataKey="span"
            domain={[first, now]}
            scale="time"
            tickFormatter={year}
            {...AXIS}
            label={{ value: 'Year', position: 'insideBottom', offset: -10, fill: '#d9dee2' }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={axisWidth}
            interval={0}
            {...AXIS}
            label={{ value: 'Treaty', position: 'top', offset: 6, fill: '#d9dee2' }}
          />
          <Tooltip
            {...TOOLTIP}
            formatter={(value, _name, item) => {
              const status = (item.payload as Row | undefined)?.status;
              const years = Array.isArray(value) ? `${year(Number(value[0]))}–${year(Number(value[1]))}` : String(value);
              return status ? `${years}, ${STATUS_LABELS[status].toLowerCase()}` : years;
            }}
          />
          <Bar
            dataKey="span"
            name="Lifespan"
            barSize={16}
            isAnimationActive={false}
            shape={(bar: BarShapeProps) => {
              const row = rows[bar.index];
              return <Rectangle {...bar} fill={row && STATUS_COLOR[row.status]} />;
            }}
          />
          <LifespanMarks events={marks} entries={entries} from={first} to={now} />
          <ReferenceLine
            x={now}
            stroke="#ffd166"
            strokeDasharray="4 3"
            label={{ value: isToday ? 'Today' : marker, position: 'top', fill: '#ffd166' }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        {[...new Set(rows.map((row) => row.status))].map((status) => (
          <li key={status}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={STATUS_COLOR[status]} />
            </svg>{' '}
            {STATUS_LABELS[status]}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
