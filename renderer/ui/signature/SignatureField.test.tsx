// The widget without a canvas context (jsdom has none): the keyboard alternative alone must work, the
// controls are named, and the owner resetting the value clears what was typed. Drawing is covered in e2e
// (tests/e2e/messages.spec.ts draws with the mouse through tests/e2e/pages/signature.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { useState } from 'react';
import { initI18n } from '../../i18n';
import { SignatureField } from './SignatureField';
import type { SignatureValue } from './signatureValue';

afterEach(cleanup);

describe('SignatureField', () => {
  it('has named controls and confirms by a typed name; Clear and a reset empty it', async () => {
    const i18n = await initI18n('en');
    const seen = vi.fn();
    let reset: () => void = () => undefined;
    function Host() {
      const [value, setValue] = useState<SignatureValue | null>(null);
      reset = () => setValue(null);
      return (
        <SignatureField
          label="Recipient's signature"
          value={value}
          onChange={(v) => {
            seen(v);
            setValue(v);
          }}
        />
      );
    }
    render(
      <I18nextProvider i18n={i18n}>
        <Host />
      </I18nextProvider>,
    );
    expect(screen.getByRole('img', { name: /Signature pad/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: /Recipient's signature/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Not signed yet');
    const typed = screen.getByLabelText('Or type your name to confirm');
    fireEvent.change(typed, { target: { value: ' Li  Hua ' } });
    expect(seen).toHaveBeenLastCalledWith({ method: 'typed', typedName: 'Li Hua' });
    expect(screen.getByRole('status')).toHaveTextContent('Confirmed by typed name: Li Hua');
    fireEvent.click(screen.getByRole('button', { name: "Clear: Recipient's signature" }));
    expect(seen).toHaveBeenLastCalledWith(null);
    expect(typed).toHaveValue('');
    fireEvent.change(typed, { target: { value: 'Zhao' } });
    expect(typed).toHaveValue('Zhao');
    act(() => reset());
    expect(typed).toHaveValue('');
  });
});
