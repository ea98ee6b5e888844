import { Badge, type MantineColor, Tooltip } from '@mantine/core';
import type { LifecycleState } from '@relata/domain';
import { useTranslation } from 'react-i18next';

export const lifecycleColors: Record<LifecycleState, MantineColor> = {
  prospect: 'gray',
  new: 'cyan',
  active: 'teal',
  developing: 'blue',
  at_risk: 'orange',
  lapsed: 'red',
  won_back: 'grape',
};

const tierColors: MantineColor[] = ['grape', 'indigo', 'teal', 'gray', 'gray'];

/** A tier key in its colour: the first tiers (A, B, C…) stand out, the rest are grey. */
export function tierColor(tier: string): MantineColor {
  const i = tier.length === 1 ? tier.toUpperCase().charCodeAt(0) - 65 : -1;
  return tierColors[i] ?? 'gray';
}

export function TierBadge({
  tier,
  label,
  size = 'md',
}: {
  tier: string | null;
  label?: string;
  size?: string;
}) {
  const { t } = useTranslation();
  if (!tier) return null;
  const badge = (
    <Badge
      color={tierColor(tier)}
      variant="filled"
      size={size}
      aria-label={t('value.tierNamed', { tier })}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      {tier}
    </Badge>
  );
  return label ? <Tooltip label={label}>{badge}</Tooltip> : badge;
}

export function LifecycleBadge({ state, size = 'md' }: { state: LifecycleState; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={lifecycleColors[state]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {t(`value.states.${state}`)}
    </Badge>
  );
}
