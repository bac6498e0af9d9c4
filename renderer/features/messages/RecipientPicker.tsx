// Picks the recipient of a message from the directory: a person (with their extension, for SIP MESSAGE)
// or a department. Typing searches names, pinyin, initials and extensions (the directory's search keys).
import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { repositoriesOf, useDatabase } from '../../db';

export interface Recipient {
  kind: 'staff' | 'department';
  id: string;
  name: string;
  extension?: string | undefined;
  detail?: string | undefined;
}

export function RecipientPicker({ value, onChange, error, autoFocus }: { value: Recipient | null; onChange: (r: Recipient | null) => void; error?: string | undefined; autoFocus?: boolean }) {
  const { t } = useTranslation('messages');
  const db = useDatabase();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Recipient[]>([]);
  useEffect(() => {
    let alive = true;
    const repos = repositoriesOf(db);
    const query = input.trim();
    void Promise.all([repos.staff.search(query, { limit: 15 }), query ? repos.departments.search(query, { limit: 5 }) : repos.departments.list({ limit: 5 })]).then(([people, departments]) => {
      if (!alive) return;
      setOptions([
        ...people.map((p): Recipient => ({ kind: 'staff', id: p.id, name: p.name, extension: p.extension, detail: p.extension })),
        ...departments.map((d): Recipient => ({ kind: 'department', id: d.id, name: d.name, detail: t('recipient.department') })),
      ]);
    }, () => undefined);
    return () => {
      alive = false;
    };
  }, [db, input, t]);
  return (
    <Autocomplete
      id="message-recipient"
      options={options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => (o.detail ? `${o.name} (${o.detail})` : o.name)}
      noOptionsText={t('recipient.none')}
      renderInput={(params) => <TextField {...params} autoFocus={autoFocus} label={t('recipient.label')} required error={Boolean(error)} helperText={error ?? t('recipient.help')} />}
    />
  );
}
