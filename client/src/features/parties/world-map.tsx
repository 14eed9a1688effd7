import { STANDING_LABELS, type Standing } from '@treaty-watch/shared';
import { StandingIcon } from '../../components/standing-icon';
import { STANDING_ORDER } from '../../components/standing-style';
import { drawable, MAP_HEIGHT, MAP_WIDTH, WORLD } from './map-geometry';
import { MapPatterns } from './map-patterns';

export interface MapState {
  code: string;
  name: string;
  standing: Standing;
}

/**
 * States coloured by standing, each standing with its own fill pattern as well as its colour.
 * The drawing is one image with a sentence for screen readers; the table beside it is the
 * full text alternative. States too small to see, or no longer on the map, are listed beside it.
 */
export default function WorldMap({ states, treatyName }: { states: MapState[]; treatyName: string }) {
  const standingOf = new Map(states.map((s) => [s.code, s]));
  const shown = STANDING_ORDER.filter((standing) => states.some((s) => s.standing === standing));
  const counts = shown.map(
    (standing) => `${states.filter((s) => s.standing === standing).length} ${STANDING_LABELS[standing].toLowerCase()}`,
  );
  const offMap = states.filter((s) => !drawable(s.code)).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="parties-map">
      <figure className="map-figure">
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          role="img"
          aria-label={`World map of the ${treatyName}'s states by standing: ${counts.join(', ')}. The table below lists every state.`}
        >
          <MapPatterns />
          {WORLD.land.map((d, i) => (
            <path key={`land-${i}`} d={d} className="map-land" />
          ))}
          {WORLD.countries.map((country) => {
            const state = standingOf.get(country.code);
            return (
              <path
                key={country.code}
                d={country.path}
                className={state ? `map-state map-${state.standing}` : 'map-land'}
                data-code={country.code}
                data-standing={state?.standing}
              >
                {state && <title>{`${state.name}: ${STANDING_LABELS[state.standing]}`}</title>}
              </path>
            );
          })}
        </svg>
        <figcaption>
          <ul className="map-legend" aria-label="Map legend">
            {shown.map((standing) => (
              <li key={standing}>
                <svg className="legend-swatch" viewBox="0 0 16 16" aria-hidden="true">
                  <rect width="16" height="16" className={`map-${standing}`} />
                </svg>
                <StandingIcon standing={standing} /> {STANDING_LABELS[standing]}
              </li>
            ))}
            <li>
              <svg className="legend-swatch" viewBox="0 0 16 16" aria-hidden="true">
                <rect width="16" height="16" className="map-land" />
              </svg>
              Not in this record
            </li>
          </ul>
        </figcaption>
      </figure>
      {offMap.length > 0 && (
        <section className="off-map" aria-label="States the map cannot show">
          <h4>Too small for the map, or no longer on it</h4>
          <ul>
            {offMap.map((s) => (
              <li key={s.code} data-code={s.code}>
                <span className={`standing-text-${s.standing}`}>
                  <StandingIcon standing={s.standing} />
                </span>{' '}
                {s.name} · {STANDING_LABELS[s.standing]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
