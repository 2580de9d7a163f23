import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ShellPage } from './shell-page';

/** An Advanced Center screen of A1 (an action, its Record screen, Decode Token, Login History), found by its title. */
export class AdvancedScreenPage {
  constructor(private readonly page: Page, private readonly title: string) {}

  async open(): Promise<void> {
    await new ShellPage(this.page).centre('Advanced Center').click();
    await this.page.getByRole('navigation', { name: 'MAIN NAVIGATION' }).getByRole('button', { name: this.title, exact: true }).click();
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: this.title });
  }

  grid(name: string): Locator {
    return this.panel().getByRole('grid', { name });
  }

  /** Searches the grid and chooses the row holding `text`. */
  async choose(gridName: string, text: string): Promise<void> {
    await this.panel().getByRole('searchbox', { name: 'Search' }).fill(text);
    const row = this.grid(gridName).locator('tbody tr', { hasText: text });
    await expect(row).toHaveCount(1);
    await row.click();
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  receipt(name: string): Locator {
    return this.panel().getByRole('region', { name });
  }

  /** The receipt's tokens, digits only. */
  async tokens(name: string): Promise<string[]> {
    const items = await this.receipt(name).getByRole('list', { name: 'Tokens' }).getByRole('listitem').allTextContents();
    return items.map((text) => text.replace(/\D/g, ''));
  }
}
