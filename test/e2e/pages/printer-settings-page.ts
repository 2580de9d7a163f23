import type { Locator, Page } from '@playwright/test';

/** The Printer section of Advanced Center, Settings: driven by labels as a supervisor reads them. */
export class PrinterSettingsPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('tabpanel', { name: 'Settings' }).getByRole('form', { name: 'Printer' });
  }

  heading(): Locator {
    return this.panel.getByRole('heading', { name: 'Printer', exact: true });
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  state(): Locator {
    return this.panel.getByRole('group', { name: 'Printer state' });
  }

  async configureNetwork(options: { host: string; port: number; paperWidth: '58' | '80'; qr: boolean; header?: string }): Promise<void> {
    await this.field('Connection').selectOption('network');
    await this.field('Printer address').fill(options.host);
    await this.field('Port').fill(String(options.port));
    await this.field('Paper width').selectOption(options.paperWidth);
    await this.field('Printer profile').selectOption('EPSON');
    await this.field('Character set').selectOption('PC858_EURO');
    if (options.header !== undefined) await this.field('Header lines').fill(options.header);
    await this.field('Print a QR code of each token').setChecked(options.qr);
    await this.panel.getByRole('button', { name: 'Save printer settings' }).click();
  }

  notice(): Locator {
    return this.panel.getByRole('status').filter({ hasText: /saved|confirmed/ });
  }

  alert(): Locator {
    return this.panel.getByRole('alert');
  }

  testPrint(): Locator {
    return this.panel.getByRole('button', { name: 'Test print' });
  }

  checkPrinter(): Locator {
    return this.panel.getByRole('button', { name: 'Check the printer' });
  }

  printedReceipt(): Locator {
    return this.panel.getByLabel('Printed receipt');
  }

  jobs(): Locator {
    return this.panel.getByRole('table', { name: 'Recent print jobs' });
  }
}
