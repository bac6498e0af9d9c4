// Who follows a complaint up: a person picked from the staff directory (searched like everywhere else:
// name, pinyin, initials, extension), or any name typed in when the owner is not in the directory.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Staff } from '@shared/domain';
import { repositoriesOf, useDatabase } from '../../db';

export interface Owner {
  staffId?: string;
  name: string;
}

export function OwnerField({ value, onChange }: { value: Owner; onChange: (owner: Owner) => void }) {
  const { t } = useTranslation('complaints');
  const db = useDatabase();
  const options = useLiveQuery(() => repositoriesOf(db).staff.search(value.name, { limit: 8 }), [db, value.name], []);
  return (
    <Autocomplete<Staff, false, false, true>
      freeSolo
      options={options}
      filterOptions={(found) => found}
      value={null}
      inputValue={value.name}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
      onInputChange={(_event, text, reason) => {
        // 'reset' is MUI echoing a picked option or clearing on blur: the owner was already set by onChange.
        if (reason === 'input' || reason === 'clear') onChange({ name: text });
      }}
      onChange={(_event, picked) => {
        if (picked && typeof picked !== 'string') onChange({ staffId: picked.id, name: picked.name });
      }}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          {option.name}
          {option.extension ? ` · ${option.extension}` : ''}
        </li>
      )}
      renderInput={(params) => <TextField {...params} size="small" label={t('fields.owner')} helperText={t('ownerHelp')} />}
    />
  );
}
