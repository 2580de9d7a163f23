import type { Locator, Page } from '@playwright/test';

/** The first-run setup screen, driven by labels as an operator reads them. */
export interface SetupDetails {
  company: string;
  stationCode: string;
  stationName: string;
  district: string;
  currency?: string;
  currencyShownAs?: string;
  adminUserId: string;
  adminName: string;
  loginPassword: string;
  loginPasswordConfirm?: string;
  vendPassword: string;
  vendPasswordConfirm?: string;
  demo: boolean;
}

export class SetupPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Set up TokenTill' });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(details: SetupDetails): Promise<void> {
    await this.field('Company name').fill(details.company);
    await this.field('Station code').fill(details.stationCode);
    await this.field('Station name').fill(details.stationName);
    await this.field('District').fill(details.district);
    if (details.currency) await this.field('Default currency').selectOption(details.currency);
    if (details.currencyShownAs) await this.field('Currency shown as').fill(details.currencyShownAs);
    await this.field('Admin user id').fill(details.adminUserId);
    await this.field('Admin name').fill(details.adminName);
    await this.field('Login password').fill(details.loginPassword);
    await this.field('Confirm login password').fill(details.loginPasswordConfirm ?? details.loginPassword);
    await this.field('Transaction (vend) password').fill(details.vendPassword);
    await this.field('Confirm transaction password').fill(details.vendPasswordConfirm ?? details.vendPassword);
    await this.field('Load demo data').setChecked(details.demo);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Set up TokenTill' }).click();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
