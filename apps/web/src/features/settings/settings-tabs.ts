export const settingsTabs = ['users', 'teams', 'roles', 'custom-fields', 'api-keys', 'value'] as const;
export type SettingsTab = (typeof settingsTabs)[number];
