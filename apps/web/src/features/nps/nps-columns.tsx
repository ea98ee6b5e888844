import { Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Column } from '../../ui/data-table.tsx';
import { EmptyCell } from '../records/record-cells.tsx';
import type { Account, Contact } from '../records/record-types.ts';
import { NpsBadge, NpsScoreBadge } from './nps-badge.tsx';

/** The contact's NPS group (advocate, passive, detractor) with its score; sorts by the score. */
export function contactNpsColumn(t: TFunction): Column<Contact> {
  return {
    key: 'nps',
    header: t('nps.short'),
    sortKey: 'npsScore',
    width: 'minmax(160px, 0.8fr)',
    render: (c) => (c.nps ? <NpsBadge nps={c.nps} size="sm" /> : <EmptyCell />),
  };
}

/** The account's NPS over its contacts, with the three groups on hover. */
export function accountNpsColumn(t: TFunction): Column<Account> {
  return {
    key: 'nps',
    header: t('nps.short'),
    sortKey: 'npsScore',
    width: 'minmax(100px, 0.6fr)',
    render: (a) =>
      a.nps.score === null ? (
        <EmptyCell />
      ) : (
        <Tooltip
          label={t('nps.countsTitle', {
            promoters: a.nps.promoters,
            passives: a.nps.passives,
            detractors: a.nps.detractors,
          })}
        >
          <span>
            <NpsScoreBadge score={a.nps.score} size="sm" bare />
          </span>
        </Tooltip>
      ),
  };
}
