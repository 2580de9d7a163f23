import type { Locator, Page } from '@playwright/test';

/** The sign-in screen. */
export class LoginPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Sign in' });
  }

  async signIn(userId: string, password: string): Promise<void> {
    await this.page.getByLabel('User id', { exact: true }).fill(userId);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  notice(): Locator {
    return this.page.getByRole('status');
  }
}
