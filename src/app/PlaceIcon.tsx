import type { ScreenId } from './screens';

/*
 * One outline icon per place on the bar, the side navigation and More, drawn on a 24-unit grid
 * with the text colour: icons beside words, never instead of them.
 */
export type IconPaths = Partial<Record<ScreenId, string>>;

/** The places on a phone's bar: in the first download with the bar. */
const BAR_PATHS: IconPaths = {
  today: 'M4 5.5h16v14H4zM4 10h16M8.5 3v4M15.5 3v4M8 14l2.5 2.5L16 13',
  briefings: 'M4 9.5v5l11 4.5V5zM15 8.5h2.5a3.5 3.5 0 0 1 0 7H15M6.5 15.5 8 20.5h3l-1.2-4.3',
  values: 'M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.3 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z',
  learn: 'M3 8.5 12 4l9 4.5-9 4.5zM7 10.5v5c3 2.5 7 2.5 10 0v-5M21 8.5v6',
  voice: 'M4.5 5.5h15v10H10l-4.5 4v-4h-1z M8.5 10.5h7',
  reports: 'M5 19.5V11M10 19.5V5.5M15 19.5v-6M20 19.5V8.5M3.5 19.5h18',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5c0-4 3.4-6.5 7.5-6.5s7.5 2.5 7.5 6.5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

/** `paths` adds the management places' icons (manage-icons.ts), which only the lazily loaded side navigation and More show. */
export function PlaceIcon({ id, paths }: { id: ScreenId; paths?: IconPaths }) {
  const d = BAR_PATHS[id] ?? paths?.[id];
  if (!d) return null;
  return (
    <svg className="place-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth={id === 'more' ? 3.5 : 2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
