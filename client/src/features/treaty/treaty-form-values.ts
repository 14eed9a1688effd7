import type { ChangeTreatyBody, Treaty } from '@treaty-watch/shared';

export type LimitRow = {
  label: string;
  from: string;
  value: string;
  unit: string;
  deadline: string;
};
export type KeyDateRow = {
  on: string;
  title: string;
  sourceUrl: string;
};
export type SourceRow = {
  title: string;
  url: string;
};

/** A treaty as its admin form holds it: every value as typed, dates as days. */
export interface TreatyForm {
  name: string;
  shortName: string;
  summary: string;
  signedAt: string;
  inForceAt: string;
  expiresAt: string;
  limits: LimitRow[];
  keyDates: KeyDateRow[];
  sources: SourceRow[];
}
export type TreatyFormField = keyof TreatyForm;

export const TREATY_FIELD_LABELS: Record<TreatyFormField, string> = {
  name: 'Name',
  shortName: 'Short name',
  summary: 'Summary',
  signedAt: 'Signed',
  inForceAt: 'In force',
  expiresAt: 'End of term',
  limits: 'Limits',
  keyDates: 'Key dates',
  sources: 'Sources',
};
const FIELDS = Object.keys(TREATY_FIELD_LABELS) as TreatyFormField[];

const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '';

export function formOf(treaty: Treaty): TreatyForm {
  return {
    name: treaty.name,
    shortName: treaty.shortName,
    summary: treaty.summary,
    signedAt: day(treaty.signedAt),
    inForceAt: day(treaty.inForceAt),
    expiresAt: day(treaty.expiresAt),
    limits: (treaty.limits ?? []).map((l) => ({
      label: l.label,
      from: l.from?.toString() ?? '',
      value: String(l.value),
      unit: l.unit,
      deadline: l.deadline ?? '',
    })),
    keyDates: (treaty.keyDates ?? []).map((k) => ({ on: day(k.on), title: k.title, sourceUrl: k.sourceUrl ?? '' })),
    sources: treaty.sources.map((s) => ({ title: s.title, url: s.url })),
  };
}

export const emptyForm = (): TreatyForm => ({
  name: '',
  shortName: '',
  summary: '',
  signedAt: '',
  inForceAt: '',
  expiresAt: '',
  limits: [],
  keyDates: [],
  sources: [],
});

/** A day means its midnight UTC, except an end of term, which lasts to the end of its day. */
export function instantOf(value: string, endOfDay = false): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : value;
}

/** A number as typed; anything else goes to the server as typed, which names the field it rejects. */
const numberOf = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

type Wire = Required<{ [K in TreatyFormField]: ChangeTreatyBody[K] }>;

function wireValue<K extends TreatyFormField>(form: TreatyForm, field: K): Wire[K] {
  const wire: Wire = {
    name: form.name,
    shortName: form.shortName,
    summary: form.summary,
    signedAt: form.signedAt ? instantOf(form.signedAt) : null,
    inForceAt: form.inForceAt ? instantOf(form.inForceAt) : null,
    expiresAt: form.expiresAt ? instantOf(form.expiresAt, true) : null,
    limits: form.limits.length
      ? form.limits.map((l) => ({
          label: l.label,
          value: numberOf(l.value) as number,
          ...(l.from.trim() ? { from: numberOf(l.from) as number } : {}),
          unit: l.unit,
          ...(l.deadline ? { deadline: l.deadline } : {}),
        }))
      : null,
    keyDates: form.keyDates.length
      ? form.keyDates.map((k) => ({ on: instantOf(k.on), title: k.title, ...(k.sourceUrl.trim() ? { sourceUrl: k.sourceUrl } : {}) }))
      : null,
    sources: form.sources.map((s) => ({ title: s.title, url: s.url })),
  };
  return wire[field];
}

const same = (a: TreatyForm, b: TreatyForm, field: TreatyFormField) => JSON.stringify(a[field]) === JSON.stringify(b[field]);

/** The fields typed differently from the form as opened: a change sends only those, so nothing else is touched. */
export function changedFields(opened: TreatyForm, typed: TreatyForm): TreatyFormField[] {
  return FIELDS.filter((field) => !same(opened, typed, field));
}

export function changeBody(opened: TreatyForm, typed: TreatyForm, effectiveFrom: string): ChangeTreatyBody | undefined {
  const fields = changedFields(opened, typed);
  if (fields.length === 0) return undefined;
  const body: Record<string, unknown> = Object.fromEntries(fields.map((field) => [field, wireValue(typed, field)]));
  if (effectiveFrom) body.effectiveAt = instantOf(effectiveFrom);
  return body;
}

/** The fields of a new treaty that have a value (an empty date or list is no field at all). */
export function createFields(typed: TreatyForm): Record<string, unknown> {
  return Object.fromEntries(
    FIELDS.map((field) => [field, wireValue(typed, field)] as const).filter(([, value]) => value !== null && value !== ''),
  );
}

export interface Conflict {
  field: TreatyFormField;
  theirs: TreatyForm[TreatyFormField];
  yours: TreatyForm[TreatyFormField];
  /** Both changed it: reapplying keeps yours over theirs, which the admin should check. */
  bothChanged: boolean;
}

/** What someone else changed since the form was opened, beside what this admin has typed. */
export function conflictsOf(opened: TreatyForm, theirs: TreatyForm, typed: TreatyForm): Conflict[] {
  return FIELDS.filter((field) => !same(opened, theirs, field)).map((field) => ({
    field,
    theirs: theirs[field],
    yours: typed[field],
    bothChanged: !same(opened, typed, field) && !same(theirs, typed, field),
  }));
}

/** This admin's edit on top of the newer treaty: the fields they changed keep their value, the rest take the newer one. */
export function reapply(opened: TreatyForm, theirs: TreatyForm, typed: TreatyForm): TreatyForm {
  const next = { ...theirs };
  for (const field of changedFields(opened, typed)) (next as Record<TreatyFormField, unknown>)[field] = typed[field];
  return next;
}

/** A field's value in words, for the conflict table. */
export function describe(value: TreatyForm[TreatyFormField]): string {
  if (typeof value === 'string') return value || '(empty)';
  if (value.length === 0) return '(none)';
  return value.map((row) => Object.values(row).filter(Boolean).join(' · ')).join('; ');
}
