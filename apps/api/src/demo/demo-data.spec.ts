import { DIVISION_CODE_LENGTH } from '@tongban/core';
import { DEMO_ACCOUNTS, DEMO_TENANTS } from './demo-data';

describe('demo data', () => {
  it('has division codes of the right length that extend their parent’s', () => {
    const byCode = new Map(DEMO_TENANTS.map((t) => [t.code, t]));
    for (const tenant of DEMO_TENANTS) {
      expect(tenant.code).toHaveLength(DIVISION_CODE_LENGTH[tenant.kind]);
      if (!tenant.parent) continue;
      const parent = byCode.get(tenant.parent)!;
      expect(parent).toMatchObject({ code: tenant.parent });
      // City 4502xx under province 45xxxx; county 450222 under city 4502xx; below, a prefix.
      const significant = { PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 }[
        parent.kind
      ];
      expect(tenant.code.slice(0, significant)).toBe(parent.code.slice(0, significant));
    }
  });

  it('gives every demo account a tenant that exists, with unique window codes per tenant', () => {
    const codes = new Set(DEMO_TENANTS.map((t) => t.code));
    for (const account of DEMO_ACCOUNTS) expect(codes.has(account.tenant)).toBe(true);
    for (const tenant of DEMO_TENANTS) {
      expect(new Set(tenant.windows.map((w) => w.code)).size).toBe(tenant.windows.length);
    }
  });
});
