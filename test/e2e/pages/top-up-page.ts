import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Top-up Center (V2): the accounts grid, the vend's dialogs (Money/Unit, "Confirm Vending Info", "Input
 * Transaction Password - Confirm Payment"), the "Vending Receipt" panel, and the Record screen. Everything in a vend
 * is driven by the keyboard: the page's own keyboard, never a click.
 */
export class TopUpPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Top-up' });
  }

  grid(): Locator {
    return this.panel().getByRole('grid', { name: 'Top-up Center' });
  }

  rows(): Locator {
    return this.grid().locator('tbody tr');
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  receipt(): Locator {
    return this.panel().getByRole('region', { name: 'Vending Receipt' });
  }

  /** A receipt line's value, by its term ("Total Paid", "Meter No.", ...). */
  receiptValue(term: string): Locator {
    return this.receipt().locator(`dt:text-is("${term}") + dd`);
  }

  amountField(): Locator {
    return this.page.getByRole('dialog').getByLabel(/^(Amount \(.+\)|Units)$/);
  }

  creditToken(): Locator {
    return this.receipt().getByLabel('Token', { exact: true });
  }

  /** Opens the screen with the keyboard: the centre, then its screen in the navigation. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Centres' }).getByRole('button', { name: 'Top-up Center', exact: true }).press('Enter');
    await this.page.getByRole('navigation', { name: 'MAIN NAVIGATION' }).getByRole('button', { name: 'Top-up', exact: true }).press('Enter');
    await expect(this.grid()).toBeFocused();
  }

  /** Types the meter number into the grid (which sends it to its search box) and waits for the one row. */
  async find(meterNo: string): Promise<void> {
    await this.page.keyboard.type(meterNo);
    await expect(this.rows()).toHaveCount(1);
    await expect(this.rows().first()).toContainText(meterNo);
  }

  /**
   * The vend up to the password step: Enter opens Money, Alt+U opens Unit, the amount, Enter for the quote,
   * Enter on "Confirm Vending Info", the password typed.
   */
  async vendToPassword(by: 'money' | 'unit', amount: string, vendPassword: string): Promise<void> {
    const keyboard = this.page.keyboard;
    await keyboard.press(by === 'money' ? 'Enter' : 'Alt+u');
    await expect(this.dialog(by === 'money' ? 'Money' : 'Unit')).toBeVisible();
    await expect(this.amountField()).toBeFocused();
    await keyboard.type(amount);
    await keyboard.press('Enter');
    await expect(this.dialog('Confirm Vending Info')).toBeVisible();
    await keyboard.press('Enter');
    await expect(this.dialog('Input Transaction Password - Confirm Payment')).toBeVisible();
    await keyboard.type(vendPassword);
  }
}

/** Top-up Center - Record. */
export class RecordPage {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Record' });
  }

  grid(): Locator {
    return this.panel().getByRole('grid', { name: 'Record' });
  }

  rows(): Locator {
    return this.grid().locator('tbody tr');
  }

  field(label: 'Customer No.' | 'Meter No.' | 'Token' | 'From' | 'To'): Locator {
    return this.panel().getByRole('search').getByLabel(label, { exact: true });
  }

  toolbarButton(name: 'Reload' | 'Print' | 'Export to Excel'): Locator {
    return this.panel().getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Centres' }).getByRole('button', { name: 'Top-up Center', exact: true }).press('Enter');
    await this.page.getByRole('navigation', { name: 'MAIN NAVIGATION' }).getByRole('button', { name: 'Record', exact: true }).press('Enter');
    await expect(this.grid()).toBeVisible();
  }

  /** Clears the search fields, fills the ones given and presses Enter in the last. */
  async search(fields: Partial<Record<'Customer No.' | 'Meter No.' | 'Token', string>>): Promise<void> {
    for (const label of ['Customer No.', 'Meter No.', 'Token'] as const) await this.field(label).fill(fields[label] ?? '');
    await this.field('Token').press('Enter');
  }
}
