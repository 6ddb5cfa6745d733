import { DIVISION_CODE_LENGTH, Role } from '@tongban/core';
import { ApplicationAction as A } from '@tongban/workflow';
import { DEMO_ACCOUNTS, DEMO_TENANTS, DEMO_WINDOW_ASSIGNMENTS } from './demo-data';
import { DEMO_HISTORY_HALLS, DEMO_STORIES } from './demo-history-data';

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

  it('plays the history at demo windows, by people who may act there', () => {
    const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
    for (const hall of DEMO_HISTORY_HALLS) {
      const tenant = DEMO_TENANTS.find((t) => t.code === hall.tenant)!;
      expect(tenant.windows.map((w) => w.code)).toContain(hall.window);
      const staff = account(hall.staff);
      expect(staff.tenant).toBe(hall.tenant);
      // Window staff at the windows they work; a manager or station staff anywhere in theirs.
      if (staff.role === Role.WINDOW_STAFF) {
        expect(DEMO_WINDOW_ASSIGNMENTS).toContainEqual({
          username: hall.staff,
          tenant: hall.tenant,
          window: hall.window,
        });
      } else {
        expect([Role.CENTER_MANAGER, Role.STATION_STAFF]).toContain(staff.role);
      }
      if (hall.manager) expect(account(hall.manager).role).toBe(Role.CENTER_MANAGER);
    }
  });

  it('tells stories that start at intake and only act where they may', () => {
    const halls = new Map(DEMO_HISTORY_HALLS.map((hall) => [hall.key, hall]));
    for (const story of DEMO_STORIES) {
      expect(story.steps[0].act).toBe('SUBMIT');
      expect(story.steps.slice(1).every((step) => step.act !== 'SUBMIT')).toBe(true);
      const inHalls = Object.keys(story.perHall);
      for (const key of inHalls) expect(halls.has(key)).toBe(true);
      if (story.steps.some((step) => step.act === 'DECIDE_EXTENSION')) {
        for (const key of inHalls) expect(halls.get(key)!.manager).not.toBeNull();
      }
      // An item only taken in is decided above: no acceptance or completion where it came
      // in (the handler's people act on the forwarded one), and forwarded before that.
      if (story.item === 'intakeOnly' || story.item === 'forTownship') {
        const here = story.steps.filter((step) => !('by' in step && step.by === 'handler'));
        for (const act of [A.ACCEPT, A.COMPLETE, A.COMPLETE_ON_THE_SPOT, A.APPROVE]) {
          expect(here.map((step) => step.act)).not.toContain(act);
        }
      }
      const forwardedAt = story.steps.findIndex((step) => step.act === A.FORWARD);
      story.steps.forEach((step, i) => {
        if ('by' in step && step.by === 'handler') {
          expect(forwardedAt).toBeGreaterThan(0);
          expect(i).toBeGreaterThan(forwardedAt);
        }
      });
      // A village station only takes in.
      if (inHalls.includes('mashan-station')) {
        expect(['intakeOnly', 'forTownship']).toContain(story.item);
      }
    }
  });
});
