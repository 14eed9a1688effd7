import { useEffect, type RefObject } from 'react';
import type { Problem } from '@treaty-watch/shared';

/** After a refused save, the keyboard lands on the first field the server named, whose error is read out with it. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, problem: Problem | undefined): void {
  useEffect(() => {
    if (problem) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .rows-editor.has-error input')?.focus();
  }, [form, problem]);
}
