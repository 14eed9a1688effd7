import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityDay } from '@treaty-watch/shared';
import { AXIS, TOOLTIP } from './chart-colors';
import { ChartFrame } from './chart-frame';

/** Redrawn only when the counts change, not on every tick of the clock. */
export const ActivityChart = memo(function ActivityChart({ activity, height = 200 }: { activity: ActivityDay[]; height?: number }) {
  const total = activity.reduce((sum, d) => sum + d.count, 0);
  return (
    <ChartFrame title="Activity" description={`Updates per day over the last ${activity.length} days: ${total} in all.`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={activity} margin={{ left: 0, right: 12, top: 10, bottom: 24 }}>
          <CartesianGrid stroke="#3a444d" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => d.slice(5)}
            {...AXIS}
            label={{ value: 'Day (UTC)', position: 'insideBottom', offset: -14, fill: '#d9dee2' }}
          />
          <YAxis
            allowDecimals={false}
            {...AXIS}
            width={40}
            label={{ value: 'Updates', angle: -90, position: 'insideLeft', fill: '#d9dee2' }}
          />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="count" name="Updates" fill="#56b4e9" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
