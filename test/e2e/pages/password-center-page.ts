import type { Locator, Page } from '@playwright/test';

/**
 * S1's screens, found by role and label: Role Management and User Management (grids and dialogs), the password
 * changes, the forced first change, Vending Keys and the Audit Log.
 */
export class AccessScreen {
  constructor(
    readonly page: Page,
    readonly name: 'Role Management' | 'User Management' | 'Audit Log' | 'Vending Keys' | 'Login Password Change' | 'Vend Password Change',
  ) {}

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: this.name });
  }

  grid(): Locator {
    return this.panel().getByRole('grid', { name: this.name });
  }

  row(text: string): Locator {
    return this.grid().locator('tbody tr').filter({ hasText: text });
  }

  toolbarButton(name: string): Locator {
    return this.panel().getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  search(): Locator {
    return this.panel().getByRole('searchbox', { name: 'Search' });
  }

  notice(): Locator {
    return this.panel().locator('.message-notice');
  }

  alert(): Locator {
    return this.panel().getByRole('alert');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Login or Vend Password Change: current, new, again, Save. */
  async changePassword(what: 'password' | 'vend password', current: string, next: string): Promise<void> {
    const capital = `New ${what}`;
    await this.panel().getByLabel(`Current ${what}`, { exact: true }).fill(current);
    await this.panel().getByLabel(capital, { exact: true }).fill(next);
    await this.panel().getByLabel(`${capital} again`, { exact: true }).fill(next);
    await this.panel().getByRole('button', { name: 'Save' }).click();
  }
}

/** The forced change after a reset or at a new user's first sign-in. */
export class FirstPasswordsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Choose your passwords' });
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  async choose(temporary: string, login: string, vend: string): Promise<void> {
    await this.page.getByLabel('Temporary password', { exact: true }).fill(temporary);
    await this.page.getByLabel('New login password', { exact: true }).fill(login);
    await this.page.getByLabel('New login password again', { exact: true }).fill(login);
    await this.page.getByLabel('New vend password', { exact: true }).fill(vend);
    await this.page.getByLabel('New vend password again', { exact: true }).fill(vend);
    await this.page.getByRole('button', { name: 'Save passwords' }).click();
  }
}
