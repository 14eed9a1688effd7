import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';

/** A dated mark on a treaty's row: `at` in ms, `row` the row's name on the category axis. */
export interface Mark {
  key: string;
  at: number;
  row: string;
}

/** Entry into force: a diamond, so it reads apart from the round event dots without colour. */
function Diamond({ cx, cy }: { cx: number; cy: number }) {
  const r = 6;
  return (
    <polygon points={`${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`} fill="#f0e442" stroke="#101418" strokeWidth={1.5} />
  );
}

/**
 * The lifespan chart's event dots and entry-into-force diamonds, drawn as one layer from the
 * axes' scales. Not a ReferenceDot each: every ReferenceDot re-registers with the chart's store
 * on every render, and each registration wakes every other one, so a few hundred dots redrawn
 * through a burst of changes queued hundreds of thousands of React updates (and React keeps the
 * array that queued them at its largest size for the life of the page).
 */
export function LifespanMarks({ events, entries, from, to }: { events: Mark[]; entries: Mark[]; from: number; to: number }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const place = ({ key, at, row }: Mark) => {
    const cx = x(at);
    const cy = y(row, { position: 'middle' });
    return at < from || at > to || cx === undefined || cy === undefined ? [] : [{ key, cx, cy }];
  };
  return (
    // Above the bars, where Recharts draws its own dots.
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g className="lifespan-marks">
        {events.flatMap(place).map(({ key, cx, cy }) => (
          <circle key={key} cx={cx} cy={cy} r={3} fill="#f2f4f5" stroke="#101418" />
        ))}
        {entries.flatMap(place).map(({ key, cx, cy }) => (
          <Diamond key={key} cx={cx} cy={cy} />
        ))}
      </g>
    </ZIndexLayer>
  );
}
