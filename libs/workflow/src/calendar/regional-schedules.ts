import { CalendarLayerKind, type CalendarLayer } from './holiday-schedule';

/**
 * Guangxi's 壮族三月三: two days off, the 3rd and 4th of the third lunar month
 * (广西壮族自治区少数民族习惯节日放假办法, 自治区人民政府令第98号); the region's General Office
 * announces each year's days early in the year. Document numbers were not read: left null.
 */
const GUANGXI: CalendarLayer = {
  kind: CalendarLayerKind.REGIONAL,
  name: '广西壮族自治区',
  divisionPrefix: '45',
  years: [
    {
      // 三月初三 = Thursday 11 April: "4月11日至12日放假，与周末连休", no make-up day.
      // Published on the region's portal on 2024-03-22 (as reposted; the notice's own date unread).
      year: 2024,
      notice: {
        title: '广西壮族自治区人民政府办公厅关于2024年“壮族三月三”放假的通知',
        documentNumber: null,
        issuedOn: null,
      },
      daysOff: [{ name: '壮族三月三', first: '2024-04-11', last: '2024-04-12' }],
      adjustedWorkdays: [],
    },
    {
      // 三月初三 = Monday 31 March: 31 March and 1 April off, joined to the weekend before.
      year: 2025,
      notice: {
        title: '广西壮族自治区人民政府办公厅关于2025年“壮族三月三”放假的通知',
        documentNumber: null,
        issuedOn: null,
      },
      daysOff: [{ name: '壮族三月三', first: '2025-03-31', last: '2025-04-01' }],
      adjustedWorkdays: [],
    },
    {
      // 三月初三 = Sunday 19 April, 初四 Monday 20: the region gave 17–20 April off (as issue
      // 11 records; the Friday is the weekend day made up). Whether a make-up working day was
      // declared was not verified: none is entered.
      year: 2026,
      notice: {
        title: '广西壮族自治区人民政府办公厅关于2026年“壮族三月三”放假的通知',
        documentNumber: null,
        issuedOn: null,
      },
      daysOff: [{ name: '壮族三月三', first: '2026-04-17', last: '2026-04-20' }],
      adjustedWorkdays: [],
    },
  ],
};

/** Regional layers, matched to a tenant by the prefix of its division code. */
export const REGIONAL_SCHEDULES: readonly CalendarLayer[] = [GUANGXI];
