import type { Locator, Page } from '@playwright/test';

/** A library screen of the Library Center: its grid, toolbar, footer and dialogs, found by role and label. */
export class LibraryPage {
  constructor(
    readonly page: Page,
    readonly name: 'Meter Library' | 'Price Library' | 'Customer Library' | 'District Library' | 'Sales Station Library' | 'Account Library',
  ) {}

  panel(): Locator {
    return this.page.getByRole('tabpanel', { name: this.name });
  }

  grid(): Locator {
    return this.panel().getByRole('grid', { name: this.name });
  }

  rows(): Locator {
    return this.grid().locator('tbody tr');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  toolbarButton(name: string): Locator {
    return this.panel().getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  search(): Locator {
    return this.panel().getByRole('searchbox', { name: 'Search' });
  }

  displaying(): Locator {
    return this.panel().locator('.grid-displaying');
  }

  pageText(): Locator {
    return this.panel().locator('.grid-page');
  }

  footerButton(name: 'First page' | 'Previous page' | 'Next page' | 'Last page' | 'Reload'): Locator {
    return this.panel().getByRole('button', { name, exact: true });
  }

  notice(): Locator {
    return this.panel().locator('.message-notice');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
