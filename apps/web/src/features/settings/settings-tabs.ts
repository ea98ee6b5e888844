export const settingsTabs = [
  'users',
  'teams',
  'roles',
  'custom-fields',
  'api-keys',
  'consent',
  'value',
  'lead-forms',
  'lead-scoring',
  'routing',
  'service',
  'pipelines',
] as const;
export type SettingsTab = (typeof settingsTabs)[number];
