import { HEADLINE_MAX, type Problem } from '@treaty-watch/shared';
import { Field, fieldError } from './field';

/** An update's headline, with how much of its length is used and what a 400 said about it. */
export function HeadlineField({ value, problem, onChange }: { value: string; problem?: Problem; onChange: (headline: string) => void }) {
  return (
    <Field label="Headline" error={fieldError(problem, 'headline')} hint={`${value.length} / ${HEADLINE_MAX}`}>
      {(props) => <input {...props} value={value} maxLength={HEADLINE_MAX} onChange={(e) => onChange(e.target.value)} required />}
    </Field>
  );
}
