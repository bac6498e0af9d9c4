// The staff directory (内线通讯录): keyboard first. The search box has the focus when the screen opens;
// ↑/↓ move through the results, Enter opens the person's card (call, transfer, edit), Escape clears. Results are live: a change made
// anywhere (an import, another window) shows at once.
import { describeError } from '../../ui/describeError';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PersonAddOutlinedIcon from '@mui/icons-material/PersonAddOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import SearchIcon from '@mui/icons-material/Search';
import type { Staff } from '@shared/domain/directory';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { repositoriesOf, useDatabase } from '../../db';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { useNotify } from '../../ui/notifications/notificationStore';
import { readCsvFile } from '../../ui/readCsvFile';
import { PersonDialog } from './PersonDialog';
import { ExtensionLamp } from './ExtensionLamp';
import { PersonCard } from './PersonCard';
import { DepartmentsDialog } from './DepartmentsDialog';
import { ImportDialog, type ImportPreview } from './ImportDialog';

/** Results rendered at most; beyond this the person is asked to refine the search. */
export const RESULT_CAP = 200;

type PersonEditor = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; person: Staff } | { mode: 'card'; person: Staff };

export function DirectoryScreen() {
  const { t } = useTranslation('directory');
  const db = useDatabase();
  const repos = repositoriesOf(db);
  const notify = useNotify();
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [selected, setSelected] = useState(0);
  const [editor, setEditor] = useState<PersonEditor>({ mode: 'closed' });
  const [departmentsOpen, setDepartmentsOpen] = useState(false);
  const [importPreview, setImportPreview] = useState<ImportPreview>();

  const departments = useLiveQuery(() => repos.departments.listSorted(), [db], []);
  const departmentNames = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const total = useLiveQuery(() => repos.staff.count(), [db]);
  const results = useLiveQuery(
    () => repos.staff.search(query, { limit: RESULT_CAP + 1, departmentId: departmentId || undefined }),
    [db, query, departmentId],
  );
  const shown = results?.slice(0, RESULT_CAP) ?? [];
  const capped = (results?.length ?? 0) > RESULT_CAP;
  const dialogOpen = editor.mode !== 'closed' || departmentsOpen || importPreview !== undefined;

  useEffect(() => {
    searchRef.current?.focus();
  }, []);
  useEffect(() => {
    setSelected(0);
  }, [query, departmentId]);
  useEffect(() => {
    if (selected >= shown.length && shown.length > 0) setSelected(shown.length - 1);
  }, [selected, shown.length]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [selected, results]);

  const closeDialog = () => {
    setEditor({ mode: 'closed' });
    setDepartmentsOpen(false);
    setImportPreview(undefined);
    // Back to the search box: the next call is the next search.
    setTimeout(() => searchRef.current?.focus(), 0);
  };

  useShortcut({
    id: 'directory.newPerson', keys: 'Ctrl+N', descriptionKey: 'directory:shortcuts.newPerson', groupKey: 'directory:shortcuts.group',
    enabled: !dialogOpen, focusTarget: 'directory.personName', handler: () => setEditor({ mode: 'new' }),
  });
  useShortcut({
    id: 'directory.import', keys: 'Ctrl+I', descriptionKey: 'directory:shortcuts.importCsv', groupKey: 'directory:shortcuts.group',
    enabled: !dialogOpen, handler: () => fileRef.current?.click(),
  });

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((i) => Math.min(i + 1, Math.max(shown.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const person = shown[selected];
      if (person) setEditor({ mode: 'card', person });
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const decoded = await readCsvFile(file);
      if (!decoded.ok) {
        notify('error', t('import.undecodable', { file: file.name }));
        return;
      }
      const existingExtensions = await repos.staff.extensionHolders();
      setImportPreview({ fileName: file.name, encoding: decoded.encoding, result: parseDirectoryCsv(decoded.text, { existingExtensions }) });
    } catch (error) {
      notify('error', t('import.unreadable', { file: file.name, message: describeError(error) }));
    }
  };

  const optionId = (person: Staff) => `directory-person-${person.id}`;
  const active = shown[selected];

  return (
    <Box component="section" aria-labelledby="directory-title" sx={{ display: 'flex', flexDirection: 'column', gap: 2, height: '100%', minHeight: 0, p: { xs: 2, md: 4 }, boxSizing: 'border-box' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="directory-title" variant="h5" component="h1">{t('title')}</Typography>
        {total !== undefined && <Typography color="text.secondary">{t('search.count', { count: total })}</Typography>}
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<PersonAddOutlinedIcon />} variant="contained" onClick={() => setEditor({ mode: 'new' })} title="Ctrl+N">
          {t('actions.newPerson')}
        </Button>
        <Button startIcon={<ApartmentOutlinedIcon />} onClick={() => setDepartmentsOpen(true)}>{t('actions.departments')}</Button>
        <Button startIcon={<UploadFileOutlinedIcon />} onClick={() => fileRef.current?.click()} title="Ctrl+I">{t('actions.importCsv')}</Button>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-label={t('actions.chooseFile')}
          hidden
          onChange={(e) => void onFileChosen(e)}
        />
      </Stack>

      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          inputRef={searchRef}
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          helperText={t('search.help')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKeyDown}
          fullWidth
          autoComplete="off"
          slotProps={{
            input: { startAdornment: <SearchIcon fontSize="small" sx={{ mr: 1, color: 'text.secondary' }} aria-hidden /> },
            htmlInput: {
              role: 'combobox',
              'aria-controls': 'directory-results',
              'aria-expanded': shown.length > 0,
              'aria-autocomplete': 'list',
              'aria-activedescendant': active ? optionId(active) : undefined,
            },
          }}
        />
        <TextField
          select
          label={t('filter.label')}
          value={departmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
          sx={{ minWidth: 200 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">{t('filter.all')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>{d.name}</option>
          ))}
        </TextField>
      </Stack>

      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <List id="directory-results" ref={listRef} role="listbox" aria-label={t('search.results')} component="div" dense>
          {shown.map((person, index) => (
            <ListItemButton
              key={person.id}
              id={optionId(person)}
              role="option"
              aria-selected={index === selected}
              selected={index === selected}
              tabIndex={-1}
              onClick={() => {
                setSelected(index);
                setEditor({ mode: 'card', person });
              }}
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                    <span>{person.name}</span>
                    {person.extension && <Chip size="small" label={`${t('fields.extension')} ${person.extension}`} component="span" />}
                    {person.extension && <ExtensionLamp extension={person.extension} />}
                  </Stack>
                }
                secondary={[
                  person.departmentId ? departmentNames.get(person.departmentId) : undefined,
                  person.title,
                  person.mobile,
                  person.location,
                ].filter(Boolean).join(' · ')}
              />
            </ListItemButton>
          ))}
        </List>
        {results && shown.length === 0 && (
          <Typography color="text.secondary" sx={{ p: 2 }} role="status">
            {query ? t('search.noResults', { query }) : t('search.empty')}
          </Typography>
        )}
        {capped && (
          <Typography color="text.secondary" sx={{ p: 2 }} role="status">{t('search.refine', { shown: RESULT_CAP })}</Typography>
        )}
      </Box>

      {editor.mode === 'card' && (
        <PersonCard
          person={editor.person}
          departmentName={editor.person.departmentId ? departmentNames.get(editor.person.departmentId) : undefined}
          onEdit={() => setEditor({ mode: 'edit', person: editor.person })}
          onClose={closeDialog}
        />
      )}
      <PersonDialog
        open={editor.mode === 'new' || editor.mode === 'edit'}
        person={editor.mode === 'edit' ? editor.person : undefined}
        departments={departments}
        onClose={closeDialog}
      />
      <DepartmentsDialog open={departmentsOpen} departments={departments} onClose={closeDialog} />
      <ImportDialog preview={importPreview} onClose={closeDialog} />
    </Box>
  );
}
