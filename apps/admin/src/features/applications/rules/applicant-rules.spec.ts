import {
  applicantNameProblems,
  idCheckCharacter,
  idNumberProblems,
  intakeInput,
  newIntakeKey,
  intakeProblems,
  itemCodeProblems,
  normalizeIdNumber,
  normalizePhone,
  phoneProblems,
  serverIntakeProblems,
} from './applicant-rules';

const TODAY = new Date('2026-11-27T12:00:00Z');
const keys = (problems: { key: string }[]) => problems.map((p) => p.key);

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character from the first 17 digits', () => {
    expect(idCheckCharacter('45022219900101123')).toBe('2');
    expect(idCheckCharacter('11010519491231002')).toBe('X'); // the standard's own example
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    expect(() => idCheckCharacter('4502221990010112')).toThrow();
  });

  it('accepts a valid number, with an upper- or lower-case X', () => {
    expect(idNumberProblems('450222199001011232', TODAY)).toEqual([]);
    expect(idNumberProblems('11010519491231002X', TODAY)).toEqual([]);
    expect(idNumberProblems('11010519491231002x', TODAY)).toEqual([]);
    expect(idNumberProblems(' 4502 2219 9001 0112 32 ', TODAY)).toEqual([]);
  });

  it('refuses a wrong check character', () => {
    expect(idNumberProblems('450222199001011234', TODAY)).toEqual([{ key: 'idNumberCheckDigit' }]);
    expect(keys(idNumberProblems('110105194912310021', TODAY))).toEqual(['idNumberCheckDigit']);
  });

  it('refuses a wrong shape, saying how long it was', () => {
    expect(idNumberProblems('45022219900101123', TODAY)).toEqual([
      { key: 'idNumberShape', values: { actual: 17 } },
    ]);
    expect(keys(idNumberProblems('4502221990010112321', TODAY))).toEqual(['idNumberShape']);
    expect(keys(idNumberProblems('45022219900101X232', TODAY))).toEqual(['idNumberShape']);
    expect(keys(idNumberProblems('450222900101123', TODAY))).toEqual(['idNumberShape']); // 15-digit old form
  });

  it('refuses a birth date that does not exist or lies ahead', () => {
    const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
    expect(keys(idNumberProblems(withCheck('45022219900230123'), TODAY))).toEqual([
      'idNumberBirthDate',
    ]);
    expect(keys(idNumberProblems(withCheck('45022218991231123'), TODAY))).toEqual([
      'idNumberBirthDate',
    ]);
    expect(keys(idNumberProblems(withCheck('45022220270101123'), TODAY))).toEqual([
      'idNumberBirthDate',
    ]);
    expect(idNumberProblems(withCheck('45022220000229123'), TODAY)).toEqual([]); // a leap day
  });

  it('an empty number has no problem (the field is optional)', () => {
    expect(idNumberProblems('', TODAY)).toEqual([]);
    expect(idNumberProblems('   ', TODAY)).toEqual([]);
  });

  it('tidies what was typed', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});

describe('telephone numbers', () => {
  it.each([
    '13812345678',
    '19912345678',
    '138 1234 5678',
    '0772-7612345',
    '07727612345',
    '138-1234-5678',
    '010-12345678',
  ])('%s is accepted', (phone) => {
    expect(phoneProblems(phone)).toEqual([]);
  });

  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '7612345',
    '0772-761234',
    '0772-761234567',
    'abc',
    '+8613812345678',
  ])('%s is refused', (phone) => {
    expect(phoneProblems(phone)).toEqual([{ key: 'phoneFormat' }]);
  });

  it('an empty number has no problem (the field is optional)', () => {
    expect(phoneProblems('')).toEqual([]);
  });

  it('is tidied as the server stores it: a mobile compact, a landline with its dash', () => {
    expect(normalizePhone(' 138-1234 5678 ')).toBe('13812345678');
    expect(normalizePhone('0772 - 7612345')).toBe('0772-7612345');
  });
});

describe('names and items', () => {
  it('the applicant needs a name of at most 100 characters', () => {
    expect(applicantNameProblems('张三')).toEqual([]);
    expect(applicantNameProblems('张'.repeat(100))).toEqual([]);
    expect(keys(applicantNameProblems('  '))).toEqual(['applicantNameRequired']);
    expect(applicantNameProblems('张'.repeat(101))).toEqual([
      { key: 'applicantNameTooLong', values: { max: 100 } },
    ]);
  });

  it('the item is one chosen from the menu', () => {
    expect(itemCodeProblems('450222-XK-001')).toEqual([]);
    expect(keys(itemCodeProblems(''))).toEqual(['itemCodeRequired']);
    expect(keys(itemCodeProblems('x'.repeat(65)))).toEqual(['itemCodeTooLong']);
  });
});

describe('the intake draft', () => {
  const draft = {
    windowId: 'w1',
    itemCode: ' 450222-XK-001 ',
    applicantName: ' 欧阳  娜娜 ',
    idNumber: '11010519491231002x',
    phone: '138 1234 5678',
  };

  it('lists every problem in the form order', () => {
    expect(intakeProblems(draft, TODAY)).toEqual([]);
    expect(
      keys(
        intakeProblems(
          {
            windowId: null,
            itemCode: '',
            applicantName: '',
            idNumber: '1',
            phone: '2',
          },
          TODAY,
        ),
      ),
    ).toEqual([
      'windowRequired',
      'itemCodeRequired',
      'applicantNameRequired',
      'idNumberShape',
      'phoneFormat',
    ]);
  });

  it('becomes the mutation input: trimmed, tidied, empty optional fields null', () => {
    expect(intakeInput(draft)).toEqual({
      windowId: 'w1',
      itemCode: '450222-XK-001',
      applicant: { name: '欧阳 娜娜', idNumber: '11010519491231002X', phone: '13812345678' },
    });
    expect(intakeInput({ ...draft, idNumber: ' ', phone: '' }).applicant).toEqual({
      name: '欧阳 娜娜',
      idNumber: null,
      phone: null,
    });
    expect(() => intakeInput({ ...draft, windowId: undefined })).toThrow();
  });
});

describe("the server's refusal", () => {
  it('its field problems land on the form fields', () => {
    const error = {
      errors: [
        {
          message: 'applicant.idNumber: The last character of the ID number does not check out',
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: [
              {
                field: 'applicant.idNumber',
                code: 'ID_NUMBER_CHECK_CHARACTER',
                problem: 'The last character of the ID number does not check out',
              },
              { field: 'applicant.phone', problem: 'A mobile number (11 digits)' },
              { field: 'itemCode', code: 'REQUIRED', problem: 'An item code is required' },
              { field: 'applicant.name', code: 'TOO_LONG', problem: 'At most 100 characters' },
              { field: 'itemCode', code: 'ITEM_NOT_ON_MENU', problem: 'Not on the menu' },
              { field: 'applicant.phone', code: 'SOMETHING_NEW', problem: 'New rule' },
              { field: 'somethingNew', problem: 'ignored' },
              'a plain string is ignored',
            ],
          },
        },
      ],
    };
    expect(serverIntakeProblems(error)).toEqual([
      {
        field: 'idNumber',
        message: 'The last character of the ID number does not check out',
        problem: { key: 'idNumberCheckDigit' },
      },
      { field: 'phone', message: 'A mobile number (11 digits)' },
      {
        field: 'itemCode',
        message: 'An item code is required',
        problem: { key: 'itemCodeRequired' },
      },
      {
        field: 'applicantName',
        message: 'At most 100 characters',
        problem: { key: 'applicantNameTooLong', values: { max: 100 } },
      },
      // The menu's refusals in the interface's words; an unknown code in the server's.
      { field: 'itemCode', message: 'Not on the menu', problem: { key: 'itemNotOnMenu' } },
      { field: 'phone', message: 'New rule' },
    ]);
  });

  it('nothing for other errors', () => {
    expect(serverIntakeProblems(new Error('x'))).toEqual([]);
    expect(
      serverIntakeProblems({
        errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }],
      }),
    ).toEqual([]);
  });
});

describe('intake keys', () => {
  it('are fresh each time and fit the server’s form (8–100 of A–Z a–z 0–9 _ -)', () => {
    const keys = Array.from({ length: 50 }, () => newIntakeKey());
    expect(new Set(keys).size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
  });
});
