import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { languages } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languageNames, setLanguage } from '../../i18n/index.ts';
import { IconCheck, IconWorld } from '../../ui/icons.tsx';

export function LanguageMenu() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Menu position="bottom-end" width={180}>
      <Menu.Target>
        <Tooltip label={t('shell.language')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('shell.language')}>
            <IconWorld size={20} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {languages.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => void setLanguage(lng)}
            rightSection={lng === active ? <IconCheck size={14} /> : null}
            aria-current={lng === active ? 'true' : undefined}
          >
            {languageNames[lng]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
