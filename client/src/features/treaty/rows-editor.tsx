import { useId } from 'react';

export interface Column<Row> {
  key: keyof Row & string;
  label: string;
  type?: 'text' | 'date' | 'url' | 'number';
}

/** A list of like rows (limits, key dates, sources): each row's controls labelled, rows added and removed by button. */
export function RowsEditor<Row extends Record<string, string>>({
  legend,
  noun,
  rows,
  columns,
  blank,
  error,
  onChange,
}: {
  legend: string;
  noun: string;
  rows: Row[];
  columns: Column<Row>[];
  blank: Row;
  error?: string;
  onChange: (rows: Row[]) => void;
}) {
  const id = useId();
  const set = (index: number, key: keyof Row, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className={`rows-editor${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="hint">None.</p>}
      {rows.map((row, index) => (
        <fieldset key={index} className="row">
          <legend>
            {noun} {index + 1}
          </legend>
          {columns.map((column) => (
            <label key={column.key}>
              <span>{column.label}</span>
              <input
                type={column.type === 'number' ? 'text' : (column.type ?? 'text')}
                inputMode={column.type === 'number' ? 'decimal' : undefined}
                value={row[column.key]}
                onChange={(event) => set(index, column.key, event.target.value)}
              />
            </label>
          ))}
          <button type="button" className="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Remove {noun.toLowerCase()} {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rows, { ...blank }])}>
        Add {noun.toLowerCase()}
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
