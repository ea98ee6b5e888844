import type { Channel } from '@relata/domain';
import type { TFunction } from 'i18next';
import { type Icon, IconForms, IconLink, IconMail, IconPhone, IconWorld } from '../../ui/icons.tsx';
import {
  IconCalendar,
  IconDesktop,
  IconDeviceMobile,
  IconMapPin,
  IconMessage,
  IconNote,
  IconPrinter,
  IconShare,
} from '../../ui/icons-activity.tsx';
import type { Outcome, Sentiment } from './interactions-api.ts';

export const channelIcons: Record<Channel, Icon> = {
  phone: IconPhone,
  ivr: IconPhone,
  meeting: IconCalendar,
  visit: IconMapPin,
  email: IconMail,
  letter: IconNote,
  chat: IconMessage,
  web_form: IconForms,
  sms: IconDeviceMobile,
  social: IconShare,
  fax: IconPrinter,
  kiosk: IconDesktop,
  portal: IconWorld,
};

export const channelIcon = (channel: string): Icon => channelIcons[channel as Channel] ?? IconLink;

export const sentimentColors: Record<Sentiment, string> = {
  positive: 'teal',
  neutral: 'gray',
  negative: 'red',
};

const builtinOutcomes = [
  'reached',
  'no_answer',
  'left_message',
  'interested',
  'not_interested',
  'meeting_booked',
  'order_placed',
  'complaint',
  'callback_requested',
  'resolved',
  'sent',
  'replied',
  'bounced',
] as const;
type BuiltinOutcome = (typeof builtinOutcomes)[number];

/** The translated name of a built-in outcome; an admin's own outcomes keep their label. */
export function outcomeLabel(key: string, outcomes: Outcome[] | undefined, t: TFunction): string {
  if ((builtinOutcomes as readonly string[]).includes(key))
    return t(`interactions.outcomes.${key as BuiltinOutcome}`);
  return outcomes?.find((o) => o.key === key)?.label ?? key;
}

export const channelLabel = (channel: string, t: TFunction): string =>
  channelIcons[channel as Channel] ? t(`interactions.channels.${channel as Channel}`) : channel;
