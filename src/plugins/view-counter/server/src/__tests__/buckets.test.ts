import { dayOf, hourOf } from '../services/view-store';

describe('time buckets', () => {
  it('are UTC days and hours that sort as text in time order', () => {
    const at = Date.UTC(2022, 2, 14, 23, 59, 59);
    expect(dayOf(at)).toBe('2022-03-14');
    expect(hourOf(at)).toBe('2022-03-14T23');
    expect(dayOf(at + 1000)).toBe('2022-03-15');
    expect([hourOf(at + 1000), hourOf(at)].sort()).toEqual([hourOf(at), hourOf(at + 1000)]);
  });
});
