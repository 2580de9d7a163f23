import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender } from '../../../../electron/main/app-origin';

describe('isTrustedSender', () => {
  it("accepts the app's own origin from the top frame", () => {
    expect(isTrustedSender({ url: 'app://tokentill/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://tokentill/#/top-up', isMainFrame: true })).toBe(true);
  });

  it.each([
    ['file:///C:/Program%20Files/TokenTill/resources/index.html', 'file:// elsewhere'],
    ['app://tokentill.evil.example/index.html', 'a look-alike host'],
    ['app://tokentil1/index.html', 'a look-alike host'],
    ['app://user:pw@tokentill/index.html', 'credentials in the URL'],
    ['https://tokentill/index.html', 'another scheme'],
    ['http://127.0.0.1:4310/', 'the browser-mode origin'],
    ['not a url', 'garbage'],
  ])('refuses %s (%s)', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a subframe even on the own origin, and a missing frame', () => {
    expect(isTrustedSender({ url: 'app://tokentill/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays inside the app', () => {
    expect(isAllowedNavigation('app://tokentill/other.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});
