// The switchboard records' settings (issue 10): the desk's area code (number normalisation, so a local
// landline is one number with or without it), the call-note categories and the answer-time target of the
// dashboard ("three rings", 18 s). Stored through SettingsRepository (the write path, audited); read by
// renderer/db/deskSettings.ts, which the call notes, caller recognition and the dashboard use.
import { useEffect, useState } from 'react';
import { Box, Button, IconButton, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_TARGET_SETTING,
  AREA_CODE_SETTING,
  DEFAULT_NOTE_CATEGORIES,
  NOTE_CATEGORIES_SETTING,
  answerTargetMs,
  deskAreaCode,
  isPermissionDenied,
  noteCategories,
  repositoriesOf,
  useDatabase,
} from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';

/** What a desk's area code may be: 0 and 2–4 digits (010, 021, 0755); the 0 is added when left out. */
export function normaliseAreaCode(text: string): string | null | undefined {
  const digits = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (digits === '') return undefined;
  const match = /^0?([1-9]\d{1,3})$/.exec(digits);
  return match ? `0${match[1]}` : null;
}

type Errors = Partial<Record<'areaCode' | 'answerTarget' | 'categories' | 'newCategory', string>>;

const MAX_CATEGORY = 64;

export function SwitchboardRecordsSettings() {
  const { t } = useTranslation('settings');
  const db = useDatabase();
  const [areaCode, setAreaCode] = useState('');
  const [targetSeconds, setTargetSeconds] = useState('');
  const [categories, setCategories] = useState<string[] | undefined>(undefined);
  const [newCategory, setNewCategory] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let alive = true;
    void Promise.all([deskAreaCode(db), noteCategories(db), answerTargetMs(db)]).then(([area, list, target]) => {
      if (!alive) return;
      setAreaCode(area ?? '');
      setCategories(list);
      setTargetSeconds(String(Math.round(target / 1000)));
    });
    return () => {
      alive = false;
    };
  }, [db]);

  const categoryLabel = (id: string) => t(`callnotes:categories.${id}`, { defaultValue: id });

  const addCategory = () => {
    const name = newCategory.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (!name || !categories) return;
    if (name.length > MAX_CATEGORY) return setErrors((e) => ({ ...e, newCategory: t('records.errors.categoryTooLong') }));
    if (categories.some((c) => c === name || categoryLabel(c) === name)) return setErrors((e) => ({ ...e, newCategory: t('records.errors.categoryDuplicate', { name }) }));
    setCategories([...categories, name]);
    setNewCategory('');
    setErrors((e) => ({ ...e, newCategory: undefined, categories: undefined }));
  };

  const save = async () => {
    if (!categories) return;
    const found: Errors = {};
    const area = normaliseAreaCode(areaCode);
    if (area === null) found.areaCode = t('records.errors.areaCode');
    const seconds = Number(targetSeconds.trim());
    if (!/^\d+$/.test(targetSeconds.trim()) || seconds < 1 || seconds > 120) found.answerTarget = t('records.errors.answerTarget');
    if (categories.length === 0) found.categories = t('records.errors.categories');
    setErrors(found);
    const first = Object.values(found).find(Boolean);
    if (first) {
      notifications.notify('error', t('records.errors.invalid', { message: first }));
      return;
    }
    setSaving(true);
    try {
      // One transaction through the write path: the three are stored together or not at all, and a changed
      // area code re-keys the stored local landlines in the same transaction (renderer/db/areaCodeRekey.ts).
      await repositoriesOf(db).settings.setValues([
        { key: AREA_CODE_SETTING, value: area ?? '', scope: 'desk' },
        { key: NOTE_CATEGORIES_SETTING, value: categories, scope: 'site' },
        { key: ANSWER_TARGET_SETTING, value: seconds * 1000, scope: 'site' },
      ]);
      setAreaCode(area ?? '');
      notifications.notify('success', t('records.saved'));
    } catch (error) {
      notifications.notify('error', isPermissionDenied(error) ? t('records.errors.denied') : t('records.errors.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="settings-records">
      <Typography id="settings-records" variant="h6" component="h2" gutterBottom>{t('records.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('records.help')}</Typography>
      <Box
        component="form"
        aria-labelledby="settings-records"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' }, gap: 2 }}
      >
        <TextField
          id="settings-area-code"
          label={t('records.areaCode')}
          value={areaCode}
          onChange={(e) => setAreaCode(e.target.value)}
          error={!!errors.areaCode}
          helperText={errors.areaCode ?? t('records.areaCodeHelp')}
          size="small"
          disabled={!categories}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 8 } }}
        />
        <TextField
          id="settings-answer-target"
          label={t('records.answerTarget')}
          value={targetSeconds}
          onChange={(e) => setTargetSeconds(e.target.value)}
          error={!!errors.answerTarget}
          helperText={errors.answerTarget ?? t('records.answerTargetHelp')}
          size="small"
          disabled={!categories}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 3 } }}
        />
        <Box component="fieldset" sx={{ gridColumn: '1 / -1', border: 0, p: 0, m: 0 }} aria-describedby={errors.categories ? 'settings-categories-error' : undefined}>
          <Typography component="legend" variant="subtitle2">{t('records.categories')}</Typography>
          <List dense aria-label={t('records.categories')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 0 }}>
            {(categories ?? []).map((c) => (
              <ListItem key={c} sx={{ width: 'auto', border: 1, borderColor: 'divider', borderRadius: 4, py: 0, pr: 0.5 }}>
                <ListItemText primary={categoryLabel(c)} sx={{ mr: 0.5 }} />
                <IconButton size="small" aria-label={t('records.remove', { name: categoryLabel(c) })} onClick={() => setCategories((list) => list?.filter((x) => x !== c))}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </ListItem>
            ))}
          </List>
          {errors.categories && <Typography id="settings-categories-error" color="error" variant="body2" role="alert">{errors.categories}</Typography>}
          <Stack direction={{ sm: 'row' }} spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
            <TextField
              id="settings-new-category"
              label={t('records.newCategory')}
              value={newCategory}
              onChange={(e) => {
                setNewCategory(e.target.value);
                if (errors.newCategory) setErrors((x) => ({ ...x, newCategory: undefined }));
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addCategory();
                }
              }}
              error={!!errors.newCategory}
              helperText={errors.newCategory}
              size="small"
              slotProps={{ htmlInput: { maxLength: MAX_CATEGORY + 1 } }}
            />
            <Button onClick={addCategory} disabled={!newCategory.trim()}>{t('records.add')}</Button>
            <Button onClick={() => setCategories([...DEFAULT_NOTE_CATEGORIES])}>{t('records.restoreDefaults')}</Button>
          </Stack>
        </Box>
        <Box sx={{ gridColumn: '1 / -1' }}>
          <Button type="submit" variant="contained" disabled={saving || !categories}>{t('records.save')}</Button>
        </Box>
      </Box>
    </Paper>
  );
}
