export const settingsTabs = [
  'users',
  'teams',
  'roles',
  'custom-fields',
  'api-keys',
  'consent',
  'value',
] as const;
export type SettingsTab = (typeof settingsTabs)[number];
