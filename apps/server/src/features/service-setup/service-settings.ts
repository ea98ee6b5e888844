/** Service settings: the CSAT survey sent when a case is solved, and dispute recognition. */
import { serviceSettingsSchema } from '@relata/domain';
import { settingsStore } from '../shared/settings-store.ts';

export const serviceSettings = settingsStore(
  'service.settings',
  serviceSettingsSchema,
  serviceSettingsSchema.parse({}),
);
