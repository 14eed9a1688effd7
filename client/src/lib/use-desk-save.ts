import { useRef, useState } from 'react';
import type { Problem } from '@treaty-watch/shared';
import { ApiError, problemText } from './api';
import { useFocusFirstError } from './focus-first-error';

/**
 * A desk form's save: one at a time; a refusal keeps what was typed, its field errors go beside
 * their fields (the keyboard lands on the first) and the rest says what did not happen.
 * `failure` begins that sentence ("The update was not retracted").
 */
export function useDeskSave(failure: string) {
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, problem);

  /** Runs the save; on success the form is left busy, since its caller navigates or closes it. */
  async function save(run: () => Promise<void>): Promise<void> {
    if (saving) return;
    setSaving(true);
    setProblem(undefined);
    setMessage(undefined);
    try {
      await run();
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError) setProblem(error.problem);
      setMessage(`${failure}: ${problemText(error)}`);
    }
  }

  return { form, problem, message, setMessage, saving, save };
}
