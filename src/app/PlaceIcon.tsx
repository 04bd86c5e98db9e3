import type { ScreenId } from './screens';

/*
 * One outline icon per place on the bar, the side navigation and More, drawn on a 24-unit grid
 * with the text colour: icons beside words, never instead of them.
 */
const PATHS: Partial<Record<ScreenId, string>> = {
  today: 'M4 5.5h16v14H4zM4 10h16M8.5 3v4M15.5 3v4M8 14l2.5 2.5L16 13',
  briefings: 'M4 9.5v5l11 4.5V5zM15 8.5h2.5a3.5 3.5 0 0 1 0 7H15M6.5 15.5 8 20.5h3l-1.2-4.3',
  values: 'M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.3 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z',
  learn: 'M3 8.5 12 4l9 4.5-9 4.5zM7 10.5v5c3 2.5 7 2.5 10 0v-5M21 8.5v6',
  voice: 'M4.5 5.5h15v10H10l-4.5 4v-4h-1z M8.5 10.5h7',
  reports: 'M5 19.5V11M10 19.5V5.5M15 19.5v-6M20 19.5V8.5M3.5 19.5h18',
  rosterImport: 'M12 4v10M8 10l4 4 4-4M5 15.5v4h14v-4',
  people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M16 4.5a3.3 3.3 0 0 1 0 6.4M17.5 14c2.2.6 3.5 2.8 3.5 6',
  stores: 'M4 9.5 5.5 4.5h13L20 9.5M4 9.5h16v2a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0zM5.5 13.5v6.5h13v-6.5M10 20v-4.5h4V20',
  departments: 'M9.5 3.5h5v4h-5zM4 16.5h5v4H4zM15 16.5h5v4h-5zM12 7.5v4.5M6.5 16.5V12h11v4.5',
  adminLog: 'M6 3.5h9l3.5 3.5v13.5H6zM14.5 3.5V7.5h4M9 11.5h6.5M9 15h6.5',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5c0-4 3.4-6.5 7.5-6.5s7.5 2.5 7.5 6.5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

export function PlaceIcon({ id }: { id: ScreenId }) {
  const d = PATHS[id];
  if (!d) return null;
  return (
    <svg className="place-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth={id === 'more' ? 3.5 : 2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
