/** Icons of the service desk (paths from Tabler Icons, MIT). */
import { type Icon, renderIcon } from '../../ui/icons.tsx';

export const IconHeadset: Icon = (props) =>
  renderIcon(props, [
    'M4 14v-3a8 8 0 1 1 16 0v3',
    'M18 19c0 1.657 -2.686 3 -6 3',
    'M4 14a2 2 0 0 1 2 -2h1a2 2 0 0 1 2 2v3a2 2 0 0 1 -2 2h-1a2 2 0 0 1 -2 -2v-3z',
    'M15 14a2 2 0 0 1 2 -2h1a2 2 0 0 1 2 2v3a2 2 0 0 1 -2 2h-1a2 2 0 0 1 -2 -2v-3z',
  ]);

export const IconGripVertical: Icon = (props) =>
  renderIcon(props, [
    'M9 5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M9 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M9 19m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
    'M15 19m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
  ]);
