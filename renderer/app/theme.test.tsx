// MUI's own strings follow the console's language: the theme carries MUI's locale for the language chosen.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { changeLanguage, initI18n } from '../i18n';
import { LocalisedTheme } from './theme';

afterEach(cleanup);

describe('LocalisedTheme', () => {
  it('gives MUI components the strings of the interface language, and follows a switch', async () => {
    const i18n = await initI18n('zh-CN');
    const storage = { setItem: () => undefined };
    render(
      <I18nextProvider i18n={i18n}>
        <LocalisedTheme>
          <Alert onClose={() => undefined}>x</Alert>
        </LocalisedTheme>
      </I18nextProvider>,
    );
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe('关闭');
    await act(async () => {
      await changeLanguage(i18n, 'zh-TW', storage);
    });
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe('關閉');
    await act(async () => {
      await changeLanguage(i18n, 'en', storage);
    });
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe('Close');
  });
});
