import { Role } from '../identity/role';
import {
  maskIdNumber,
  maskName,
  maskPhone,
  personalDataFor,
  seesPersonalDataMasked,
} from './personal-data';

describe('personal data masking', () => {
  it('masks as DESIGN.md shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('450222199001011234')).toBe('4502**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0772-7612345')).toBe('*******2345');
  });

  it('masks for city officials only, and not for someone who also holds a plain-sight role', () => {
    const record = {
      name: '张三',
      idNumber: '450222199001011234',
      phone: '13812345678',
      itemCode: 'X',
    };
    expect(personalDataFor([Role.CITY_OFFICIAL], record)).toEqual({
      name: '张*',
      idNumber: '4502**********1234',
      phone: '138****5678',
      itemCode: 'X',
    });
    expect(personalDataFor([Role.WINDOW_STAFF], record)).toBe(record);
    expect(seesPersonalDataMasked([Role.CITY_OFFICIAL, Role.SUPERVISOR])).toBe(false);
    expect(seesPersonalDataMasked([])).toBe(true);
  });

  it('keeps missing values missing', () => {
    expect(
      personalDataFor([Role.CITY_OFFICIAL], { name: '李', idNumber: null, phone: null }),
    ).toEqual({
      name: '*',
      idNumber: null,
      phone: null,
    });
  });
});
