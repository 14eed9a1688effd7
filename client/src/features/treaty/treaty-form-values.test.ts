import { describe, expect, it } from 'vitest';
import { changeBody, conflictsOf, createFields, emptyForm, reapply, type TreatyForm } from './treaty-form-values';

const opened: TreatyForm = {
  ...emptyForm(),
  name: 'Treaty on Open Skies',
  shortName: 'Open Skies',
  summary: 'Observation flights.',
  signedAt: '1992-03-24',
  expiresAt: '',
  sources: [{ title: 'OSCE', url: 'https://www.osce.org/' }],
};

describe('the treaty admin form', () => {
  it('sends only the fields typed differently, dates as instants, an emptied date as null', () => {
    expect(changeBody(opened, opened, '')).toBeUndefined();
    expect(changeBody(opened, { ...opened, summary: 'Unarmed flights.', signedAt: '', expiresAt: '2031-01-01' }, '2021-02-03')).toEqual({
      summary: 'Unarmed flights.',
      signedAt: null,
      expiresAt: '2031-01-01T23:59:59.999Z',
      effectiveAt: '2021-02-03T00:00:00.000Z',
    });
  });

  it('sends limits as numbers, and what is no number as typed for the server to name', () => {
    const body = changeBody(
      opened,
      { ...opened, limits: [{ label: 'Warheads', from: '', value: '1,550', unit: 'warheads', deadline: '' }] },
      '',
    );
    expect(body).toEqual({ limits: [{ label: 'Warheads', value: '1,550', unit: 'warheads' }] });
    expect(
      changeBody(
        opened,
        { ...opened, limits: [{ label: 'Warheads', from: '1700', value: '2200', unit: 'warheads', deadline: '2012-12-31' }] },
        '',
      ),
    ).toEqual({
      limits: [{ label: 'Warheads', from: 1700, value: 2200, unit: 'warheads', deadline: '2012-12-31' }],
    });
  });

  it('creates with only the fields that have a value', () => {
    expect(createFields({ ...emptyForm(), name: 'TPNW treaty', shortName: 'TPNW', signedAt: '2017-09-20' })).toEqual({
      name: 'TPNW treaty',
      shortName: 'TPNW',
      signedAt: '2017-09-20T00:00:00.000Z',
      sources: [],
    });
  });

  it('shows what the other admin changed and reapplies this admin’s edit on top, losing neither', () => {
    const theirs = { ...opened, summary: 'Their summary.', name: 'Their name' };
    const typed = { ...opened, shortName: 'Open Skies Treaty', name: 'My name' };
    expect(conflictsOf(opened, theirs, typed)).toEqual([
      { field: 'name', theirs: 'Their name', yours: 'My name', bothChanged: true },
      { field: 'summary', theirs: 'Their summary.', yours: 'Observation flights.', bothChanged: false },
    ]);
    expect(reapply(opened, theirs, typed)).toEqual({
      ...opened,
      summary: 'Their summary.',
      name: 'My name',
      shortName: 'Open Skies Treaty',
    });
  });
});
