import type { SettingsSectionProps } from '../settings-sections';
import { PrinterSettingsView } from './PrinterSettingsView';
import { usePrinterSection } from './usePrinterSection';

/** The Printer section of the Settings screen (container): its form, the printer's state, Test print, recent jobs. */
export function PrinterSettingsSection({ settings, canEdit, save }: Readonly<SettingsSectionProps>) {
  const section = usePrinterSection(settings.printer, save);
  return <PrinterSettingsView section={section} canEdit={canEdit} />;
}
