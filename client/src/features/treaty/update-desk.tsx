import { useEffect, useRef, useState } from 'react';
import type { Update } from '@treaty-watch/shared';
import { CorrectForm } from './correct-form';
import { RetractForm } from './retract-form';

type Action = 'correct' | 'retract';

/** "Correct" and "Retract" on one update, for someone who may; focus comes back to the button that opened a form. */
export function UpdateDesk({ update }: { update: Update }) {
  const [open, setOpen] = useState<Action>();
  const [closed, setClosed] = useState<{ action: Action; saved: boolean }>();
  const buttons = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (closed) buttons.current?.querySelector<HTMLButtonElement>(`[data-action="${closed.action}"]`)?.focus();
  }, [closed]);

  const finish = (action: Action, saved: boolean) => {
    setOpen(undefined);
    setClosed({ action, saved });
  };

  if (update.retractedAt) return null;
  return (
    <div className="update-desk">
      {open === 'correct' && <CorrectForm update={update} onDone={(saved) => finish('correct', saved)} />}
      {open === 'retract' && <RetractForm update={update} onDone={(saved) => finish('retract', saved)} />}
      {!open && (
        <p className="desk-actions" ref={buttons}>
          <button
            type="button"
            className="secondary"
            data-action="correct"
            aria-label={`Correct “${update.headline}”`}
            onClick={() => setOpen('correct')}
          >
            Correct
          </button>
          <button
            type="button"
            className="secondary"
            data-action="retract"
            aria-label={`Retract “${update.headline}”`}
            onClick={() => setOpen('retract')}
          >
            Retract
          </button>
        </p>
      )}
      <p className="form-success" role="status">
        {closed?.saved && closed.action === 'correct' ? 'Correction saved.' : ''}
      </p>
    </div>
  );
}
