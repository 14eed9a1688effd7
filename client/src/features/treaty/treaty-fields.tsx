import type { Problem } from '@treaty-watch/shared';
import { Field, fieldError } from '../../components/field';
import { RowsEditor } from './rows-editor';
import type { KeyDateRow, LimitRow, SourceRow, TreatyForm } from './treaty-form-values';

const BLANK_LIMIT: LimitRow = { label: '', from: '', value: '', unit: '', deadline: '' };
const BLANK_KEY_DATE: KeyDateRow = { on: '', title: '', sourceUrl: '' };
const BLANK_SOURCE: SourceRow = { title: '', url: '' };

/** The treaty's own fields, shared by "Edit treaty" and "New treaty"; each error beside its field. */
export function TreatyFields({ typed, onChange, problem }: { typed: TreatyForm; onChange: (next: TreatyForm) => void; problem?: Problem }) {
  const text =
    (field: 'name' | 'shortName' | 'summary' | 'signedAt' | 'inForceAt' | 'expiresAt') => (event: { target: { value: string } }) =>
      onChange({ ...typed, [field]: event.target.value });
  return (
    <>
      <Field label="Name" error={fieldError(problem, 'name')}>
        {(props) => <input {...props} value={typed.name} onChange={text('name')} />}
      </Field>
      <Field label="Short name" error={fieldError(problem, 'shortName')}>
        {(props) => <input {...props} value={typed.shortName} onChange={text('shortName')} />}
      </Field>
      <Field label="Summary" error={fieldError(problem, 'summary')}>
        {(props) => <textarea {...props} rows={4} value={typed.summary} onChange={text('summary')} />}
      </Field>
      <div className="date-fields">
        <Field label="Signed" error={fieldError(problem, 'signedAt')}>
          {(props) => <input {...props} type="date" value={typed.signedAt} onChange={text('signedAt')} />}
        </Field>
        <Field label="In force" error={fieldError(problem, 'inForceAt')}>
          {(props) => <input {...props} type="date" value={typed.inForceAt} onChange={text('inForceAt')} />}
        </Field>
        <Field label="End of term" error={fieldError(problem, 'expiresAt')} hint="The treaty is in force to the end of this day.">
          {(props) => <input {...props} type="date" value={typed.expiresAt} onChange={text('expiresAt')} />}
        </Field>
      </div>
      <RowsEditor
        legend="Limits"
        noun="Limit"
        rows={typed.limits}
        blank={BLANK_LIMIT}
        error={fieldError(problem, 'limits')}
        onChange={(limits) => onChange({ ...typed, limits })}
        columns={[
          { key: 'label', label: 'What' },
          { key: 'from', label: 'From (a range’s low end)', type: 'number' },
          { key: 'value', label: 'Ceiling', type: 'number' },
          { key: 'unit', label: 'Unit' },
          { key: 'deadline', label: 'To be met by', type: 'date' },
        ]}
      />
      <RowsEditor
        legend="Key dates"
        noun="Key date"
        rows={typed.keyDates}
        blank={BLANK_KEY_DATE}
        error={fieldError(problem, 'keyDates')}
        onChange={(keyDates) => onChange({ ...typed, keyDates })}
        columns={[
          { key: 'on', label: 'On', type: 'date' },
          { key: 'title', label: 'What happens' },
          { key: 'sourceUrl', label: 'Source URL', type: 'url' },
        ]}
      />
      <RowsEditor
        legend="Sources"
        noun="Source"
        rows={typed.sources}
        blank={BLANK_SOURCE}
        error={fieldError(problem, 'sources')}
        onChange={(sources) => onChange({ ...typed, sources })}
        columns={[
          { key: 'title', label: 'Title' },
          { key: 'url', label: 'URL', type: 'url' },
        ]}
      />
    </>
  );
}
