/** Icons of the sales pages (paths from Tabler Icons, MIT). */
import { type Icon, renderIcon } from '../../ui/icons.tsx';

const p =
  (paths: readonly string[]): Icon =>
  (props) =>
    renderIcon(props, paths);

export const IconLayoutKanban = p([
  'M4 4l6 0',
  'M14 4l6 0',
  'M4 8m0 2a2 2 0 0 1 2 -2h2a2 2 0 0 1 2 2v8a2 2 0 0 1 -2 2h-2a2 2 0 0 1 -2 -2z',
  'M14 8m0 2a2 2 0 0 1 2 -2h2a2 2 0 0 1 2 2v2a2 2 0 0 1 -2 2h-2a2 2 0 0 1 -2 -2z',
]);
export const IconTrendingUp = p(['M3 17l6 -6l4 4l8 -8', 'M14 7l7 0l0 7']);
export const IconFileInvoice = p([
  'M14 3v4a1 1 0 0 0 1 1h4',
  'M17 21h-10a2 2 0 0 1 -2 -2v-14a2 2 0 0 1 2 -2h7l5 5v11a2 2 0 0 1 -2 2z',
  'M9 7l1 0',
  'M9 13l6 0',
  'M13 17l2 0',
]);
