// The ID number field of the registration form. The number is masked except its last four characters
// (what the desk types is shown while the field has the focus); a number that came from the visitor's
// stored record stays read-only and masked until revealed, and revealing it is audited ("viewed ID
// number") by the visitor repository. Sign-in and roles come later.
import { describeError } from '../../ui/describeError';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { maskIdNumber } from '@shared/visitors/idNumber';
import { repositoriesOf, useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';

export interface IdNumberFieldProps {
  /** The form's props for the field (id, name, label, value, onChange, error …). */
  field: TextFieldProps & { value: string };
  /** The number came from the picked visitor's stored record (read-only until revealed). */
  fromStoreOf: string | undefined;
  revealed: boolean;
  onRevealedChange: (revealed: boolean) => void;
  /** Checks the typed number when the field loses the focus. */
  onCheck: () => void;
}

export function IdNumberField({ field, fromStoreOf, revealed, onRevealedChange, onCheck }: IdNumberFieldProps) {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const [focused, setFocused] = useState(false);
  const fromStore = fromStoreOf !== undefined;

  const toggle = async () => {
    if (revealed) {
      onRevealedChange(false);
      return;
    }
    if (fromStoreOf) {
      try {
        await repositoriesOf(db).visitors.revealIdNumber(fromStoreOf);
      } catch (error) {
        notify('error', t('errors.saveFailed', { message: describeError(error) }));
        return;
      }
    }
    onRevealedChange(true);
  };

  const masked = !(revealed || (!fromStore && focused));
  const label = revealed ? t('actions.hideId') : t('actions.showId');
  return (
    <TextField
      {...field}
      value={masked ? maskIdNumber(field.value) : field.value}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        onCheck();
      }}
      slotProps={{
        htmlInput: { readOnly: fromStore && !revealed, spellCheck: false },
        input: {
          endAdornment: field.value ? (
            <InputAdornment position="end">
              <IconButton size="small" edge="end" onClick={() => void toggle()} aria-label={label} title={label}>
                {revealed ? <VisibilityOffOutlinedIcon fontSize="small" /> : <VisibilityOutlinedIcon fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ) : undefined,
        },
      }}
    />
  );
}
