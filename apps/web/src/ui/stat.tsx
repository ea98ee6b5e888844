import { Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled figure: small caps label, the value large, an optional line under it. */
export function Stat({
  label,
  value,
  hint,
  tooltip,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** Explains the figure on hover and focus. */
  tooltip?: ReactNode;
}) {
  const figure = (
    <Text fw={700} fz={20} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }} component="div">
      {value}
    </Text>
  );
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }} lineClamp={2}>
        {label}
      </Text>
      {tooltip ? (
        <Tooltip label={tooltip} multiline w={260}>
          <UnstyledButton type="button" style={{ width: 'fit-content', cursor: 'help' }}>
            {figure}
          </UnstyledButton>
        </Tooltip>
      ) : (
        figure
      )}
      {hint && (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
