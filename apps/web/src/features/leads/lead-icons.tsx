/** The leads icon (Tabler "target", MIT), drawn like the other inlined icons. */
import { type Icon, renderIcon } from '../../ui/icons.tsx';

const targetPaths = [
  'M12 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0',
  'M12 12m-5 0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0',
  'M12 12m-9 0a9 9 0 1 0 18 0a9 9 0 1 0 -18 0',
] as const;
export const IconTarget: Icon = (props) => renderIcon(props, targetPaths);
