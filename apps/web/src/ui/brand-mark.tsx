import { Group, Text } from '@mantine/core';

/** The Relata logo mark, optionally with the word mark. */
export function BrandMark({ size = 28, withName = false }: { size?: number; withName?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id="relata-mark" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#6b79e3" />
            <stop offset="1" stopColor="#3242b1" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="8" fill="url(#relata-mark)" />
        <path
          d="M10 23V9h7a4.5 4.5 0 0 1 0 9h-7m7 0 5 5"
          fill="none"
          stroke="#fff"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {withName && (
        <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
          Relata
        </Text>
      )}
    </Group>
  );
}
