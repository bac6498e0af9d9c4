import { describe, expect, it, vi } from 'vitest';

const menu = vi.hoisted(() => ({ setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => ({ built: t })) }));
vi.mock('electron', () => ({ Menu: menu }));

const { applicationMenuTemplate, applyApplicationMenu } = await import('./applicationMenu');

describe('application menu', () => {
  it('has no menu on Windows and Linux (no reload/devtools accelerators)', () => {
    expect(applicationMenuTemplate('win32')).toBeNull();
    applyApplicationMenu('linux');
    expect(menu.setApplicationMenu).toHaveBeenLastCalledWith(null);
  });

  it('has only the app, edit and window menus on macOS', () => {
    expect(applicationMenuTemplate('darwin')).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
    applyApplicationMenu('darwin');
    expect(menu.buildFromTemplate).toHaveBeenCalled();
    expect(JSON.stringify(menu.buildFromTemplate.mock.calls)).not.toMatch(/toggleDevTools|reload/i);
  });
});
