import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api.ts';
import {
  checkMemberForm, cleanPhone, createBody, formValuesOf, normalizeBirthMonth, patchBody, serverProblem,
  type MemberFormValues,
} from './member-form.ts';
import type { Member } from './types.ts';

const member: Member = {
  id: 'm1',
  memberNo: null,
  name: '杜荣',
  gender: 'female',
  birthMonth: '1929-04',
  formerUnit: '市政府办公室',
  formerPosition: '县长',
  category: 'retired',
  phone: '13590830166',
  cardCode: 'QJ2020001',
  notes: null,
};

const values = (patch: Partial<MemberFormValues> = {}): MemberFormValues => ({ ...formValuesOf(member), ...patch });

describe('birth month', () => {
  it('reads the ways people write a month', () => {
    for (const text of ['1950-03', '1950-3', '1950.03', '1950/3', '1950年3月', '1950 年 3 月', '195003']) {
      expect(normalizeBirthMonth(text)).toBe('1950-03');
    }
    expect(normalizeBirthMonth('  ')).toBe('');
  });

  it('refuses what is not a month', () => {
    for (const text of ['1950-13', '1950-00', '50-03', '3/1950', '1950', '1950年', 'abc']) {
      expect(normalizeBirthMonth(text)).toBeNull();
    }
  });
});

describe('checking the form before sending', () => {
  it('accepts a good member', () => {
    expect(checkMemberForm(values())).toEqual({});
    expect(checkMemberForm({ ...formValuesOf(), name: '新会员' })).toEqual({});
  });

  it('names each field at fault', () => {
    expect(
      checkMemberForm(
        values({ name: '  ', cardCode: 'QJ 01', phone: '138-abc', birthMonth: '1949-13', notes: 'x'.repeat(501) }),
      ),
    ).toEqual({
      name: { code: 'required' },
      cardCode: { code: 'cardCodeChars' },
      phone: { code: 'phoneFormat' },
      birthMonth: { code: 'birthMonthFormat' },
      notes: { code: 'tooLong', max: 500 },
    });
    expect(checkMemberForm(values({ cardCode: 'A'.repeat(33) })).cardCode).toEqual({ code: 'tooLong', max: 32 });
    expect(checkMemberForm(values({ phone: '1234' })).phone).toEqual({ code: 'phoneFormat' });
    expect(checkMemberForm(values({ phone: '+86 135 9083 0166' })).phone).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('leaves empty fields out of a new member and stores codes upper-case', () => {
    expect(createBody({ ...formValuesOf(), name: ' 新会员 ', cardCode: ' qj-9 ', birthMonth: '1950.3' })).toEqual({
      name: '新会员',
      category: 'retired',
      cardCode: 'QJ-9',
      birthMonth: '1950-03',
    });
  });

  it('sends only what changed, null for what was emptied', () => {
    expect(patchBody(member, values())).toEqual({});
    expect(patchBody(member, values({ phone: '135 9083 0166', cardCode: 'qj2020001' }))).toEqual({});
    expect(patchBody(member, values({ name: '杜荣华', formerUnit: '', gender: '', category: 'veteran' }))).toEqual({
      name: '杜荣华',
      formerUnit: null,
      gender: null,
      category: 'veteran',
    });
    expect(patchBody(member, values({ phone: '13700000001', memberNo: 'A-17' }))).toEqual({
      phone: '13700000001',
      memberNo: 'A-17',
    });
  });

  it('cleans phones as the server does', () => {
    expect(cleanPhone('+86 135-9083-0166')).toBe('13590830166');
    expect(cleanPhone('0874-1234567')).toBe('08741234567');
  });
});

describe("the server's refusals", () => {
  const refusal = (code: string, field: string, message: string) =>
    new ApiError({ statusCode: code === 'duplicate' ? 409 : 400, code, message, field });

  it('puts a duplicate next to its field', () => {
    expect(serverProblem(refusal('duplicate', 'cardCode', 'This card code already belongs to another member.'))).toEqual({
      field: 'cardCode',
      problem: { code: 'duplicate', serverMessage: 'This card code already belongs to another member.' },
    });
    expect(serverProblem(refusal('duplicate', 'memberNo', 'x'))?.field).toBe('memberNo');
  });

  it('reads validation failures', () => {
    expect(serverProblem(refusal('validation_failed', 'phone', 'The field "phone" must NOT have fewer than 5 characters.'))?.problem.code).toBe('phoneFormat');
    expect(serverProblem(refusal('validation_failed', 'notes', 'The field "notes" must NOT have more than 500 characters.'))?.problem).toMatchObject({ code: 'tooLong', max: 500 });
    expect(serverProblem(refusal('validation_failed', 'name', 'The field "name" must NOT have fewer than 1 characters.'))?.problem.code).toBe('required');
    expect(serverProblem(refusal('validation_failed', 'formerUnit', 'odd'))?.problem.code).toBe('invalid');
  });

  it('leaves other failures to the form as a whole', () => {
    expect(serverProblem(refusal('validation_failed', 'body', 'The request body is not valid JSON.'))).toBeNull();
    expect(serverProblem(new ApiError({ statusCode: 404, code: 'not_found', message: 'The member was not found.' }))).toBeNull();
    expect(serverProblem(new Error('boom'))).toBeNull();
  });
});
