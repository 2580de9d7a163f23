import type { ComponentType } from 'react';
import type { AllSettings, SaveSettingsInput, SettingsSectionName } from '../../../shared/config/settings';
import type { Result } from '../../../shared/errors/result';
import { GeneralSettingsSection } from './GeneralSettingsSection';
import { PrinterSettingsSection } from './printer/PrinterSettingsSection';

/**
 * The sections of the Settings screen. Each feature that adds a settings section (shared/config/settings.ts) adds
 * its part of the screen here: one entry with its title and its component, in the order the screen shows them.
 */
export interface SettingsSectionProps {
  settings: AllSettings;
  canEdit: boolean;
  save: (input: SaveSettingsInput) => Promise<Result<AllSettings>>;
}

export interface SettingsSectionView {
  readonly id: SettingsSectionName;
  readonly title: string;
  readonly Component: ComponentType<SettingsSectionProps>;
}

export const SETTINGS_SECTION_VIEWS: readonly SettingsSectionView[] = [
  { id: 'general', title: 'General', Component: GeneralSettingsSection },
  { id: 'printer', title: 'Printer', Component: PrinterSettingsSection },
];
