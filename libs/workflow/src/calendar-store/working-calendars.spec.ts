import { type TenantNode, TenantKind, TenantStatus } from '@tongban/core';
import type { TenantDirectory } from '@tongban/tenancy';
import type { EntityManager } from 'typeorm';
import type { BusinessPeriod } from '../calendar/business-hours';
import type { CalendarRepository } from './calendar.repository';
import { WorkingCalendars } from './working-calendars';

const COUNTY: TenantNode = {
  id: '00000000-0000-4000-8000-000000000001',
  parentId: null,
  kind: TenantKind.COUNTY,
  divisionCode: '450222',
  name: '柳城县',
  status: TenantStatus.ACTIVE,
  path: ['00000000-0000-4000-8000-000000000001'],
};

/** A store whose business hours the test changes, counting its reads. */
function storeWith(hours: { periods: BusinessPeriod[] }) {
  const store = {
    reads: 0,
    async inputsFor() {
      store.reads += 1;
      return { national: [], own: [], hours: new Map([[COUNTY.id, hours.periods]]) };
    },
  };
  return store;
}

const manager = {} as EntityManager;
const MORNING: BusinessPeriod[] = [{ opens: '09:00', closes: '12:00' }];
const LONG_DAY: BusinessPeriod[] = [{ opens: '08:00', closes: '18:00' }];

describe('WorkingCalendars.recentForNode (shown time left)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads a calendar once and shows it again until it is RECENT_MS old', async () => {
    const hours = { periods: MORNING };
    const store = storeWith(hours);
    const calendars = new WorkingCalendars(
      {} as TenantDirectory,
      store as unknown as CalendarRepository,
    );
    const now = jest.spyOn(performance, 'now').mockReturnValue(1_000);
    expect((await calendars.recentForNode(manager, COUNTY)).hours.periods).toEqual(MORNING);
    hours.periods = LONG_DAY;
    now.mockReturnValue(5_999);
    expect((await calendars.recentForNode(manager, COUNTY)).hours.periods).toEqual(MORNING);
    expect(store.reads).toBe(1);
    now.mockReturnValue(6_000);
    expect((await calendars.recentForNode(manager, COUNTY)).hours.periods).toEqual(LONG_DAY);
    expect(store.reads).toBe(2);
  });

  it('reads again at once after forget (a change committed through this process)', async () => {
    const hours = { periods: MORNING };
    const store = storeWith(hours);
    const calendars = new WorkingCalendars(
      {} as TenantDirectory,
      store as unknown as CalendarRepository,
    );
    await calendars.recentForNode(manager, COUNTY);
    hours.periods = LONG_DAY;
    calendars.forget();
    expect((await calendars.recentForNode(manager, COUNTY)).hours.periods).toEqual(LONG_DAY);
    expect(store.reads).toBe(2);
  });

  it('does not keep a read that overlapped a change', async () => {
    const hours = { periods: MORNING };
    const store = storeWith(hours);
    const calendars = new WorkingCalendars(
      {} as TenantDirectory,
      store as unknown as CalendarRepository,
    );
    const read = store.inputsFor;
    // The change commits (and forgets) while this read is under way: what it read is old.
    store.inputsFor = async () => {
      const inputs = await read();
      calendars.forget();
      return inputs;
    };
    await calendars.recentForNode(manager, COUNTY);
    store.inputsFor = read;
    hours.periods = LONG_DAY;
    expect((await calendars.recentForNode(manager, COUNTY)).hours.periods).toEqual(LONG_DAY);
  });
});
