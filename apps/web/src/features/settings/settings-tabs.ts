export const settingsTabs = ['users', 'teams', 'roles', 'custom-fields', 'api-keys'] as const;
export type SettingsTab = (typeof settingsTabs)[number];
