import { NavLink } from './nav-link';

export function NotFound({ what }: { what: string }) {
  return (
    <section className="not-found" aria-label="Not found">
      <h1>{what}</h1>
      <p>
        <NavLink href="/">Back to the board</NavLink>
      </p>
    </section>
  );
}
