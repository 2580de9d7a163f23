import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';

/** An L2 library screen: the library grid plus its "Show inactive" toggle and the search pickers of its dialogs. */
export class PartyLibraryPage extends LibraryPage {
  constructor(page: Page, name: 'Customer Library' | 'District Library' | 'Sales Station Library' | 'Account Library') {
    super(page, name);
  }

  showInactive(): Locator {
    return this.panel().getByRole('checkbox', { name: 'Show inactive' });
  }

  /**
   * Chooses in a search picker with the keyboard, as an operator would: type the keyword (main searches), move to the
   * option with Down, take it with Enter.
   */
  async pick(dialog: Locator, label: string, keyword: string, option: string | RegExp): Promise<void> {
    const box = dialog.getByRole('combobox', { name: label });
    await box.fill(keyword);
    const list = dialog.getByRole('listbox', { name: label });
    const wanted = list.getByRole('option', { name: option });
    await expect(wanted).toBeVisible();
    const options = await list.getByRole('option').allTextContents();
    const index = options.findIndex((text) => (typeof option === 'string' ? text.includes(option) : option.test(text)));
    // the first option is highlighted when the answer comes; Down moves from there
    for (let i = 0; i < index; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await expect(list).toHaveCount(0);
  }
}
