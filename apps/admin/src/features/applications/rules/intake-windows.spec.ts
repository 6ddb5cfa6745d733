import { intakeAvailability, intakeWindows } from './intake-windows';

// A county hall as the server describes it to its clerk: C1 and 10 are the clerk's windows.
const windows = [
  { id: 'c2', code: 'C2', name: '综合窗口2', viewerCanTakeIn: false },
  { id: '10', code: '10', name: '市场监管窗口', viewerCanTakeIn: true },
  { id: 'c1', code: 'C1', name: '综合窗口1', viewerCanTakeIn: true },
  { id: '01', code: '01', name: '国土资源窗口', viewerCanTakeIn: false },
  { id: 'sf', code: 'SF', name: '收费窗口', viewerCanTakeIn: false },
];

describe('where a person may take applications in', () => {
  it('the windows the server marks, in window-code order', () => {
    expect(intakeWindows(windows).map((w) => w.code)).toEqual(['10', 'C1']);
    expect(
      intakeWindows(windows.map((w) => ({ ...w, viewerCanTakeIn: true }))).map((w) => w.code),
    ).toEqual(['01', '10', 'C1', 'C2', 'SF']);
    expect(intakeWindows([])).toEqual([]);
  });

  it('a form when there is a window; else why not', () => {
    expect(intakeAvailability(windows, false)).toBe('ready');
    const none = windows.map((w) => ({ ...w, viewerCanTakeIn: false }));
    // A clerk of this hall, assigned to none of its windows.
    expect(intakeAvailability(none, false)).toBe('notAssigned');
    // A manager looking at a tenant below: they may pick another.
    expect(intakeAvailability(none, true)).toBe('noWindows');
    // A station without a window.
    expect(intakeAvailability([], false)).toBe('noWindows');
    expect(intakeAvailability([], true)).toBe('noWindows');
  });
});
