import type { IconPaths } from './PlaceIcon';

/** Icons of the management places, outside the phone's first download (see PlaceIcon). */
export const MANAGE_ICON_PATHS: IconPaths = {
  rosterImport: 'M12 4v10M8 10l4 4 4-4M5 15.5v4h14v-4',
  people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3 20c0-3.5 2.7-6 6-6s6 2.5 6 6M16 4.5a3.3 3.3 0 0 1 0 6.4M17.5 14c2.2.6 3.5 2.8 3.5 6',
  stores: 'M4 9.5 5.5 4.5h13L20 9.5M4 9.5h16v2a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0 2.7 2.7 0 0 1-5.3 0zM5.5 13.5v6.5h13v-6.5M10 20v-4.5h4V20',
  departments: 'M9.5 3.5h5v4h-5zM4 16.5h5v4H4zM15 16.5h5v4h-5zM12 7.5v4.5M6.5 16.5V12h11v4.5',
  adminLog: 'M6 3.5h9l3.5 3.5v13.5H6zM14.5 3.5V7.5h4M9 11.5h6.5M9 15h6.5',
};
