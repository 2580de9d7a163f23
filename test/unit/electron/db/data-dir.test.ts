import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../../electron/db/data-dir';

describe('defaultDataDir', () => {
  it("uses the OS's per-user application data folder", () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\kiosk\\AppData\\Roaming' }, 'C:\\Users\\kiosk')).toBe('C:\\Users\\kiosk\\AppData\\Roaming\\TokenTill');
    expect(defaultDataDir('darwin', {}, '/Users/kiosk')).toBe('/Users/kiosk/Library/Application Support/TokenTill');
    expect(defaultDataDir('linux', {}, '/home/kiosk')).toBe('/home/kiosk/.config/TokenTill');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/srv/config' }, '/home/kiosk')).toBe('/srv/config/TokenTill');
  });

  it('lets TOKENTILL_DATA_DIR override it', () => {
    expect(defaultDataDir('win32', { TOKENTILL_DATA_DIR: '/data/till', APPDATA: 'C:\\x' }, '/home')).toBe('/data/till');
  });
});
