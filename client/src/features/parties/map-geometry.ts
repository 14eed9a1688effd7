import { geoEqualEarth, geoPath } from 'd3-geo';
import { iso31661NumericToAlpha2 } from 'iso-3166';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import countries from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
/** Below this drawn area (in the map's own units) a country is a speck no reader can find or click. */
const SMALLEST_AREA = 20;

export interface Country {
  /** ISO 3166-1 alpha-2, from the topology's ISO numeric id. */
  code: string;
  name: string;
  path: string;
  area: number;
}

/**
 * Natural Earth's 1:110m countries, projected once. Features without an ISO numeric id
 * (Kosovo, Somaliland, northern Cyprus) are drawn as land without a code.
 */
function project(): { countries: Country[]; land: string[] } {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const all = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'FeatureCollection', features: all });
  const path = geoPath(projection);
  const coded: Country[] = [];
  const land: string[] = [];
  for (const f of all) {
    const d = path(f) ?? '';
    const code = f.id === undefined ? undefined : iso31661NumericToAlpha2[String(f.id)];
    if (code) coded.push({ code, name: f.properties.name, path: d, area: path.area(f) });
    else land.push(d);
  }
  return { countries: coded, land };
}

export const WORLD = project();

const byCode = new Map(WORLD.countries.map((c) => [c.code, c]));

/** Whether the map can show this state: it is in the topology and big enough to see. */
export function drawable(code: string): boolean {
  const country = byCode.get(code);
  return country !== undefined && country.area >= SMALLEST_AREA;
}
