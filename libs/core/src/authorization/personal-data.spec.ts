import { Role } from '../vocabulary/role';
import { abilityFor, subject } from './ability';
import { maskIdNumber, maskName, maskPhone, personalDataFor } from './personal-data';

const COUNTY = '00000000-0000-4000-8000-000000000002';
const CITY = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-0000000000aa';

const actor = (roles: Role[], tenant = CITY) => ({
  roles,
  userId: USER,
  tenant: { id: tenant, path: [tenant] } as never,
});
const record = subject('Application', {
  tenantId: COUNTY,
  tenantPath: [CITY, COUNTY],
  windowStaffIds: [USER],
});
const data = { name: '张三', idNumber: '450222199001011234', phone: '13812345678' };

describe('personal data masking', () => {
  it('masks as DESIGN.md shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('450222199001011234')).toBe('4502**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0772-7612345')).toBe('*******2345');
  });

  it('masks for city officials, by the field rules of their ability', () => {
    expect(personalDataFor(abilityFor(actor([Role.CITY_OFFICIAL])), record, data)).toEqual({
      name: '张*',
      idNumber: '4502**********1234',
      phone: '138****5678',
      masked: true,
    });
  });

  it('shows plainly to those whose role grants it, whatever the order of roles', () => {
    const supervisor = abilityFor(actor([Role.SUPERVISOR]));
    expect(personalDataFor(supervisor, record, data)).toEqual({ ...data, masked: false });
    for (const roles of [
      [Role.CITY_OFFICIAL, Role.SUPERVISOR],
      [Role.SUPERVISOR, Role.CITY_OFFICIAL],
    ]) {
      expect(personalDataFor(abilityFor(actor(roles)), record, data).masked).toBe(false);
    }
  });

  it('shows window staff the applicants at their windows, and masks what their rules do not reach', () => {
    const windowStaff = abilityFor(actor([Role.WINDOW_STAFF], COUNTY));
    expect(personalDataFor(windowStaff, record, data).masked).toBe(false);
    const otherWindow = subject('Application', { ...record, windowStaffIds: [] });
    expect(personalDataFor(windowStaff, otherWindow, data).masked).toBe(true);
  });

  it('masks for a reader without any role (fails closed) and for the platform operator', () => {
    expect(personalDataFor(abilityFor(actor([])), record, data).masked).toBe(true);
    expect(personalDataFor(abilityFor(actor([Role.PLATFORM_ADMIN])), record, data)).toEqual({
      name: '张*',
      idNumber: '4502**********1234',
      phone: '138****5678',
      masked: true,
    });
  });

  it('keeps missing values missing', () => {
    expect(
      personalDataFor(abilityFor(actor([Role.CITY_OFFICIAL])), record, {
        name: '李',
        idNumber: null,
        phone: null,
      }),
    ).toEqual({ name: '*', idNumber: null, phone: null, masked: true });
  });

  it('says masked when a field was masked, even if masking left it as it was', () => {
    const ability = abilityFor(actor([Role.CITY_OFFICIAL]));
    expect(
      personalDataFor(ability, record, { name: '*', idNumber: null, phone: null }).masked,
    ).toBe(true);
  });
});
