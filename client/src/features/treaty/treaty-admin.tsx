import { useRef, useState } from 'react';
import type { Treaty } from '@treaty-watch/shared';
import { NavLink } from '../../components/nav-link';
import { TreatyEditForm } from './treaty-edit-form';

/** An admin's "Edit treaty" on the treaty page; the page follows the saved change live, like every reader's. */
export function TreatyAdmin({ treaty }: { treaty: Treaty }) {
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <section className="treaty-admin" aria-label="Treaty administration">
      {open ? (
        <TreatyEditForm
          treaty={treaty}
          onDone={(saved) => {
            setOpen(false);
            setSaid(saved ? 'Treaty saved.' : undefined);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      ) : (
        <p className="desk-actions">
          <button ref={button} type="button" className="secondary" onClick={() => setOpen(true)}>
            Edit treaty
          </button>
          <NavLink href="/admin/treaties/new">New treaty</NavLink>
        </p>
      )}
      <p className="form-success" role="status">
        {said}
      </p>
    </section>
  );
}
