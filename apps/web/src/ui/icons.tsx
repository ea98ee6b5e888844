/** A few stroke icons (paths from Tabler Icons, MIT) inlined to keep the bundle small. */
import type { JSX, SVGProps } from 'react';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children' | 'stroke'> & {
  size?: number;
  stroke?: number;
};
export type Icon = (props: IconProps) => JSX.Element;

export function renderIcon(
  { size = 18, stroke = 1.75, ...rest }: IconProps,
  paths: readonly string[],
): JSX.Element {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

const dashboardPaths = [
  'M5 4h4a1 1 0 0 1 1 1v6a1 1 0 0 1 -1 1h-4a1 1 0 0 1 -1 -1v-6a1 1 0 0 1 1 -1',
  'M5 16h4a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-4a1 1 0 0 1 -1 -1v-2a1 1 0 0 1 1 -1',
  'M15 12h4a1 1 0 0 1 1 1v6a1 1 0 0 1 -1 1h-4a1 1 0 0 1 -1 -1v-6a1 1 0 0 1 1 -1',
  'M15 4h4a1 1 0 0 1 1 1v2a1 1 0 0 1 -1 1h-4a1 1 0 0 1 -1 -1v-2a1 1 0 0 1 1 -1',
] as const;
export const IconDashboard: Icon = (props) => renderIcon(props, dashboardPaths);
const buildingPaths = [
  'M3 21l18 0',
  'M9 8l1 0',
  'M9 12l1 0',
  'M9 16l1 0',
  'M14 8l1 0',
  'M14 12l1 0',
  'M14 16l1 0',
  'M5 21v-16a2 2 0 0 1 2 -2h10a2 2 0 0 1 2 2v16',
] as const;
export const IconBuilding: Icon = (props) => renderIcon(props, buildingPaths);
const usersPaths = [
  'M9 7m-4 0a4 4 0 1 0 8 0a4 4 0 1 0 -8 0',
  'M3 21v-2a4 4 0 0 1 4 -4h4a4 4 0 0 1 4 4v2',
  'M16 3.13a4 4 0 0 1 0 7.75',
  'M21 21v-2a4 4 0 0 0 -3 -3.85',
] as const;
export const IconUsers: Icon = (props) => renderIcon(props, usersPaths);
const contactsPaths = [
  'M20 6v12a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-12a2 2 0 0 1 2 -2h10a2 2 0 0 1 2 2z',
  'M10 16h6',
  'M13 11m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0',
  'M4 8h3',
  'M4 12h3',
  'M4 16h3',
] as const;
export const IconContacts: Icon = (props) => renderIcon(props, contactsPaths);
const settingsPaths = [
  'M10.325 4.317c.426 -1.756 2.924 -1.756 3.35 0a1.724 1.724 0 0 0 2.573 1.066c1.543 -.94 3.31 .826 2.37 2.37a1.724 1.724 0 0 0 1.065 2.572c1.756 .426 1.756 2.924 0 3.35a1.724 1.724 0 0 0 -1.066 2.573c.94 1.543 -.826 3.31 -2.37 2.37a1.724 1.724 0 0 0 -2.572 1.065c-.426 1.756 -2.924 1.756 -3.35 0a1.724 1.724 0 0 0 -2.573 -1.066c-1.543 .94 -3.31 -.826 -2.37 -2.37a1.724 1.724 0 0 0 -1.065 -2.572c-1.756 -.426 -1.756 -2.924 0 -3.35a1.724 1.724 0 0 0 1.066 -2.573c-.94 -1.543 .826 -3.31 2.37 -2.37c1 .608 2.296 .07 2.572 -1.065z',
  'M9 12a3 3 0 1 0 6 0a3 3 0 0 0 -6 0',
] as const;
export const IconSettings: Icon = (props) => renderIcon(props, settingsPaths);
const searchPaths = ['M10 10m-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0', 'M21 21l-6 -6'] as const;
export const IconSearch: Icon = (props) => renderIcon(props, searchPaths);
const plusPaths = ['M12 5l0 14', 'M5 12l14 0'] as const;
export const IconPlus: Icon = (props) => renderIcon(props, plusPaths);
const logoutPaths = [
  'M14 8v-2a2 2 0 0 0 -2 -2h-7a2 2 0 0 0 -2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2 -2v-2',
  'M9 12h12l-3 -3',
  'M18 15l3 -3',
] as const;
export const IconLogout: Icon = (props) => renderIcon(props, logoutPaths);
const worldPaths = [
  'M3 12a9 9 0 1 0 18 0a9 9 0 0 0 -18 0',
  'M3.6 9h16.8',
  'M3.6 15h16.8',
  'M11.5 3a17 17 0 0 0 0 18',
  'M12.5 3a17 17 0 0 1 0 18',
] as const;
export const IconWorld: Icon = (props) => renderIcon(props, worldPaths);
const trashPaths = [
  'M4 7l16 0',
  'M10 11l0 6',
  'M14 11l0 6',
  'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2 -2l1 -12',
  'M9 7v-3a1 1 0 0 1 1 -1h4a1 1 0 0 1 1 1v3',
] as const;
export const IconTrash: Icon = (props) => renderIcon(props, trashPaths);
const pencilPaths = ['M4 20h4l10.5 -10.5a2.828 2.828 0 1 0 -4 -4l-10.5 10.5v4', 'M13.5 6.5l4 4'] as const;
export const IconPencil: Icon = (props) => renderIcon(props, pencilPaths);
const chevronUpPaths = ['M6 15l6 -6l6 6'] as const;
export const IconChevronUp: Icon = (props) => renderIcon(props, chevronUpPaths);
const chevronDownPaths = ['M6 9l6 6l6 -6'] as const;
export const IconChevronDown: Icon = (props) => renderIcon(props, chevronDownPaths);
const selectorPaths = ['M8 9l4 -4l4 4', 'M16 15l-4 4l-4 -4'] as const;
export const IconSelector: Icon = (props) => renderIcon(props, selectorPaths);
const filterPaths = [
  'M4 4h16v2.172a2 2 0 0 1 -.586 1.414l-4.414 4.414v7l-6 2v-8.5l-4.48 -4.928a2 2 0 0 1 -.52 -1.345v-2.227z',
] as const;
export const IconFilter: Icon = (props) => renderIcon(props, filterPaths);
const xPaths = ['M18 6l-12 12', 'M6 6l12 12'] as const;
export const IconX: Icon = (props) => renderIcon(props, xPaths);
const checkPaths = ['M5 12l5 5l10 -10'] as const;
export const IconCheck: Icon = (props) => renderIcon(props, checkPaths);
const copyPaths = [
  'M7 7m0 2.667a2.667 2.667 0 0 1 2.667 -2.667h8.666a2.667 2.667 0 0 1 2.667 2.667v8.666a2.667 2.667 0 0 1 -2.667 2.667h-8.666a2.667 2.667 0 0 1 -2.667 -2.667z',
  'M4.012 16.737a2.005 2.005 0 0 1 -1.012 -1.737v-10c0 -1.1 .9 -2 2 -2h10c.75 0 1.158 .385 1.5 1',
] as const;
export const IconCopy: Icon = (props) => renderIcon(props, copyPaths);
const historyPaths = ['M12 8l0 4l2 2', 'M3.05 11a9 9 0 1 1 .5 4m-.5 5v-5h5'] as const;
export const IconHistory: Icon = (props) => renderIcon(props, historyPaths);
const linkPaths = [
  'M9 15l6 -6',
  'M11 6l.463 -.536a5 5 0 0 1 7.071 7.072l-.534 .464',
  'M13 18l-.397 .534a5.068 5.068 0 0 1 -7.127 0a4.972 4.972 0 0 1 0 -7.071l.524 -.463',
] as const;
export const IconLink: Icon = (props) => renderIcon(props, linkPaths);
const alertPaths = [
  'M12 9v4',
  'M10.363 3.591l-8.106 13.534a1.914 1.914 0 0 0 1.636 2.871h16.214a1.914 1.914 0 0 0 1.636 -2.87l-8.106 -13.536a1.914 1.914 0 0 0 -3.274 0z',
  'M12 16h.01',
] as const;
export const IconAlert: Icon = (props) => renderIcon(props, alertPaths);
const mailPaths = [
  'M3 7a2 2 0 0 1 2 -2h14a2 2 0 0 1 2 2v10a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-10z',
  'M3 7l9 6l9 -6',
] as const;
export const IconMail: Icon = (props) => renderIcon(props, mailPaths);
const phonePaths = [
  'M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5l1.5 -2.5l5 2v4a2 2 0 0 1 -2 2a16 16 0 0 1 -15 -15a2 2 0 0 1 2 -2',
] as const;
export const IconPhone: Icon = (props) => renderIcon(props, phonePaths);
const mergePaths = [
  'M7 18m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0',
  'M7 6m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0',
  'M17 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0',
  'M7 8l0 8',
  'M7 8a4 4 0 0 0 4 4h4',
] as const;
export const IconMerge: Icon = (props) => renderIcon(props, mergePaths);
const keyPaths = [
  'M16.555 3.843l3.602 3.602a2.877 2.877 0 0 1 0 4.069l-2.643 2.643a2.877 2.877 0 0 1 -4.069 0l-.301 -.301l-6.558 6.558a2 2 0 0 1 -1.239 .578l-.175 .008h-1.172a1 1 0 0 1 -.993 -.883l-.007 -.117v-1.172a2 2 0 0 1 .467 -1.284l.119 -.13l.414 -.414h2v-2h2v-2l2.144 -2.144l-.301 -.301a2.877 2.877 0 0 1 0 -4.069l2.643 -2.643a2.877 2.877 0 0 1 4.069 0z',
  'M15 9h.01',
] as const;
export const IconKey: Icon = (props) => renderIcon(props, keyPaths);
const arrowLeftPaths = ['M5 12l14 0', 'M5 12l6 6', 'M5 12l6 -6'] as const;
export const IconArrowLeft: Icon = (props) => renderIcon(props, arrowLeftPaths);
const shieldPaths = [
  'M12 3a12 12 0 0 0 8.5 3a12 12 0 0 1 -8.5 15a12 12 0 0 1 -8.5 -15a12 12 0 0 0 8.5 -3',
] as const;
export const IconShield: Icon = (props) => renderIcon(props, shieldPaths);
const formsPaths = [
  'M12 3a3 3 0 0 0 -3 3v12a3 3 0 0 0 3 3',
  'M6 3a3 3 0 0 1 3 3v12a3 3 0 0 1 -3 3',
  'M13 7h7a1 1 0 0 1 1 1v8a1 1 0 0 1 -1 1h-7',
  'M5 7h-1a1 1 0 0 0 -1 1v8a1 1 0 0 0 1 1h1',
  'M17 12h.01',
  'M13 12h.01',
] as const;
export const IconForms: Icon = (props) => renderIcon(props, formsPaths);
const userPaths = ['M8 7a4 4 0 1 0 8 0a4 4 0 0 0 -8 0', 'M6 21v-2a4 4 0 0 1 4 -4h4a4 4 0 0 1 4 4v2'] as const;
export const IconUser: Icon = (props) => renderIcon(props, userPaths);
const refreshPaths = [
  'M20 11a8.1 8.1 0 0 0 -15.5 -2m-.5 -4v4h4',
  'M4 13a8.1 8.1 0 0 0 15.5 2m.5 4v-4h-4',
] as const;
export const IconRefresh: Icon = (props) => renderIcon(props, refreshPaths);
const starPaths = [
  'M12 17.75l-6.172 3.245l1.179 -6.873l-5 -4.867l6.9 -1l3.086 -6.253l3.086 6.253l6.9 1l-5 4.867l1.179 6.873z',
] as const;
export const IconStar: Icon = (props) => renderIcon(props, starPaths);
