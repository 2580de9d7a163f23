import type { Locator, Page } from '@playwright/test';

/** The signed-in shell: centres, navigation, tabs, status strip, Home, and the lock dialog over it. */
export class ShellPage {
  constructor(readonly page: Page) {}

  centres(): Locator {
    return this.page.getByRole('navigation', { name: 'Centres' });
  }

  centre(name: string): Locator {
    return this.centres().getByRole('button', { name, exact: true });
  }

  quitCenter(): Locator {
    return this.centre('Quit Center');
  }

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'MAIN NAVIGATION' });
  }

  operator(): Locator {
    return this.page.getByRole('banner');
  }

  tabs(): Locator {
    return this.page.getByRole('tablist', { name: 'Open screens' });
  }

  tab(name: string): Locator {
    return this.tabs().getByRole('tab', { name, exact: true });
  }

  closeTab(name: string): Locator {
    return this.tabs().getByRole('button', { name: `Close ${name}` });
  }

  panel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  status(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' });
  }

  home(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Home' });
  }

  /** The value of one of Home's figures, found by its term ("Sales today", "Printer", ...). */
  figure(label: string): Locator {
    return this.home()
      .locator('div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole('definition')
      .first();
  }

  lockDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Session locked' });
  }

  /** Calls a channel from the page, with its session cookie, as a screen would. */
  async call(channel: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    return this.page.evaluate(
      async ([name, body]) => (await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json(),
      [channel, input] as const,
    );
  }

  async openScreen(centre: string, screen: string): Promise<void> {
    await this.centre(centre).click();
    await this.navigation().getByRole('button', { name: screen }).click();
  }
}
