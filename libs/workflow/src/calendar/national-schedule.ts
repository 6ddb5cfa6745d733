import { CalendarLayerKind, type CalendarLayer } from './holiday-schedule';

/**
 * The national schedule, one year per State Council notice, copied day by day from the
 * notices. 2027: no notice has been entered; a year without one is unknown, never guessed.
 */
export const NATIONAL_SCHEDULE: CalendarLayer = {
  kind: CalendarLayerKind.NATIONAL,
  name: '国务院办公厅',
  divisionPrefix: null,
  years: [
    {
      year: 2024,
      notice: {
        title: '国务院办公厅关于2024年部分节假日安排的通知',
        documentNumber: '国办发明电〔2023〕7号',
        issuedOn: '2023-10-25',
      },
      daysOff: [
        // "1月1日放假，与周末连休": 2023-12-30/31 belong to the 2023 schedule.
        { name: '元旦', first: '2024-01-01', last: '2024-01-01' },
        { name: '春节', first: '2024-02-10', last: '2024-02-17' },
        { name: '清明节', first: '2024-04-04', last: '2024-04-06' },
        { name: '劳动节', first: '2024-05-01', last: '2024-05-05' },
        { name: '端午节', first: '2024-06-10', last: '2024-06-10' },
        { name: '中秋节', first: '2024-09-15', last: '2024-09-17' },
        { name: '国庆节', first: '2024-10-01', last: '2024-10-07' },
      ],
      adjustedWorkdays: [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
    },
    {
      year: 2025,
      notice: {
        title: '国务院办公厅关于2025年部分节假日安排的通知',
        documentNumber: '国办发明电〔2024〕12号',
        issuedOn: '2024-11-12',
      },
      daysOff: [
        { name: '元旦', first: '2025-01-01', last: '2025-01-01' },
        { name: '春节', first: '2025-01-28', last: '2025-02-04' },
        { name: '清明节', first: '2025-04-04', last: '2025-04-06' },
        { name: '劳动节', first: '2025-05-01', last: '2025-05-05' },
        { name: '端午节', first: '2025-05-31', last: '2025-06-02' },
        { name: '国庆节、中秋节', first: '2025-10-01', last: '2025-10-08' },
      ],
      adjustedWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      notice: {
        title: '国务院办公厅关于2026年部分节假日安排的通知',
        // The date is checked against the Xinhua release; the number is from memory.
        documentNumber: '国办发明电〔2025〕7号',
        issuedOn: '2025-11-04',
      },
      daysOff: [
        { name: '元旦', first: '2026-01-01', last: '2026-01-03' },
        { name: '春节', first: '2026-02-15', last: '2026-02-23' },
        { name: '清明节', first: '2026-04-04', last: '2026-04-06' },
        { name: '劳动节', first: '2026-05-01', last: '2026-05-05' },
        { name: '端午节', first: '2026-06-19', last: '2026-06-21' },
        { name: '中秋节', first: '2026-09-25', last: '2026-09-27' },
        { name: '国庆节', first: '2026-10-01', last: '2026-10-07' },
      ],
      adjustedWorkdays: [
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ],
    },
  ],
};
