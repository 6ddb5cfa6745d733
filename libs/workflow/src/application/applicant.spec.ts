import { normalizeIntake, type IntakeDetails } from './applicant';
import { residentIdCheckCharacter } from './resident-id-number';

const TODAY = '2026-12-02';
const normalize = (input: IntakeDetails) => normalizeIntake(input, TODAY);
const ID = '45022219900101123' + residentIdCheckCharacter('45022219900101123');
const WRONG_CHECK = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const intake = (applicant: { name: string; idNumber?: string | null; phone?: string | null }) => ({
  itemCode: ' 450222-001 ',
  applicant: { idNumber: null, phone: null, ...applicant },
});

describe('intake details', () => {
  it('trims and normalizes what will be stored', () => {
    const { intake: stored, problems } = normalize(
      intake({ name: ' 张  三 ', idNumber: ` ${ID.toLowerCase()} `, phone: '138 1234 5678' }),
    );
    expect(problems).toEqual([]);
    expect(stored).toEqual({
      itemCode: '450222-001',
      applicant: { name: '张 三', idNumber: ID, phone: '13812345678' },
    });
  });

  it('accepts a landline with its area code and treats blanks as missing', () => {
    const { intake: stored, problems } = normalize(
      intake({ name: '李四', idNumber: '  ', phone: '0772-7612345' }),
    );
    expect(problems).toEqual([]);
    expect(stored.applicant).toEqual({ name: '李四', idNumber: null, phone: '0772-7612345' });
  });

  it('reports every problem at once, by field', () => {
    const { problems } = normalize({
      itemCode: ' ',
      applicant: { name: '  ', idNumber: WRONG_CHECK, phone: '12345' },
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['itemCode', 'applicant.name', 'applicant.phone']),
    );
    expect(fields).toContain('applicant.idNumber');
  });

  it('refuses a mobile number that does not exist and an impossible birth date', () => {
    const badDate = '45022219900231123';
    const { problems } = normalize(
      intake({
        name: '王五',
        idNumber: badDate + residentIdCheckCharacter(badDate),
        phone: '12812345678',
      }),
    );
    expect(problems).toEqual([
      {
        field: 'applicant.idNumber',
        code: 'ID_NUMBER_BIRTH_DATE',
        problem: 'The birth date in the ID number is not a real date',
      },
      {
        field: 'applicant.phone',
        code: 'PHONE_FORMAT',
        problem: 'A mobile number (11 digits) or a landline with area code',
      },
    ]);
  });
});
