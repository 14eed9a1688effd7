/** One series' value in Prometheus text (`treaty_watch_store_errors_total`, `…{reason="rate"}`): NaN when it is absent. */
export function seriesValue(text: string, series: string): number {
  const escaped = series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Number(new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text)?.[1]);
}

/** One series' value as the server at `url` reports it in `/metrics` now. */
export async function metricOf(url: string, series: string): Promise<number> {
  return seriesValue(await (await fetch(`${url}/metrics`)).text(), series);
}
