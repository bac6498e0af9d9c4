// Registering a visitor at the desk, keyboard first. Typing two letters of a name (or pinyin initials),
// a phone number or an organisation lists earlier visitors; ↓ Enter fills the form with them and their
// usual host and purpose and puts the cursor in "purpose", so Enter (or Ctrl+Enter anywhere) checks them
// in: a returning visitor needs three keystrokes after the two letters. The ID number is masked except
// its last four characters; revealing a stored one is audited. The suggestions are useVisitorSuggestions,
// the ID number is IdNumberField, the watchlist is the caller's `checkIn` (useWatchlistClearance).
import { describeError } from '../../ui/describeError';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Staff } from '@shared/domain/directory';
import type { Visitor } from '@shared/domain/visitors';
import { ID_DOCUMENT_TYPES } from '@shared/domain/plain/visitors';
import { checkIdNumber, OVERRIDABLE_ID_ERRORS, type IdDocumentType, type IdNumberError } from '@shared/visitors/idNumber';
import { checkRegistration, type RegistrationField, type RegistrationInput } from '@shared/visitors/registration';
import { repositoriesOf, useDatabase, ValidationError, type CheckInResult } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { recordMetric } from '../../platform/metrics';
import { HostPicker } from './HostPicker';
import { IdNumberField, type IdNumberFieldProps } from './IdNumberField';
import { SuggestingTextField, SuggestionList, type SuggestionRow } from './suggestionStore';
import type { CheckInAttempt } from './useWatchlistClearance';
import { useVisitorSuggestions } from './useVisitorSuggestions';

export const DURATIONS = [30, 60, 120, 240, 480] as const;
const DEFAULT_DURATION = '60';

// Typing re-renders the field typed in and nothing else of the form: every field is memoised and gets
// stable handlers and props (below), so a keystroke in the name field renders one field before the
// returning-visitor suggestions come in (bench target: keystroke → suggestions p95 < 30 ms at 500k).
const Field = memo(TextField);
const PARTY_SIZE_SLOTS = { htmlInput: { min: 1, max: 999 } };
const NATIVE_SELECT_SLOTS = { select: { native: true }, inputLabel: { shrink: true } };
const ID_TYPE_SX = { maxWidth: 200 };

const DurationSelect = memo(function DurationSelect(props: TextFieldProps) {
  const { t } = useTranslation('visitors');
  return (
    <TextField {...props} select slotProps={NATIVE_SELECT_SLOTS}>
      {DURATIONS.map((m) => (
        <option key={m} value={String(m)}>{t(`durations.m${m}`)}</option>
      ))}
    </TextField>
  );
});

const IdTypeSelect = memo(function IdTypeSelect(props: TextFieldProps) {
  const { t } = useTranslation('visitors');
  return (
    <TextField {...props} select sx={ID_TYPE_SX} slotProps={NATIVE_SELECT_SLOTS}>
      <option value="">{t('idTypes.none')}</option>
      {ID_DOCUMENT_TYPES.map((type) => (
        <option key={type} value={type}>{t(`idTypes.${type}`)}</option>
      ))}
    </TextField>
  );
});

function sameProps<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

const IdField = memo(IdNumberField, (a: IdNumberFieldProps, b: IdNumberFieldProps) => {
  const { field: fa, ...ra } = a;
  const { field: fb, ...rb } = b;
  return sameProps(fa, fb) && sameProps(ra, rb);
});

type TextFieldName = 'name' | 'company' | 'phone' | 'purpose' | 'partySize' | 'expectedDurationMin' | 'vehiclePlate' | 'idType' | 'idNumber' | 'notes';
type Values = Record<TextFieldName, string>;

/** Fields a pick fills from the returning visitor's record and last visit; a changed name takes them back. */
const DETACHED_FIELDS = ['company', 'phone', 'purpose', 'vehiclePlate', 'expectedDurationMin', 'idType', 'idNumber'] as const;
const EMPTY: Values = { name: '', company: '', phone: '', purpose: '', partySize: '1', expectedDurationMin: DEFAULT_DURATION, vehiclePlate: '', idType: '', idNumber: '', notes: '' };
/** Order in which errors are looked at (the first one gets the focus). */
const FIELD_ORDER: RegistrationField[] = ['name', 'company', 'phone', 'hostStaffId', 'purpose', 'partySize', 'expectedDurationMin', 'vehiclePlate', 'idType', 'idNumber', 'notes'];

export interface RegistrationFormProps {
  nameRef: RefObject<HTMLInputElement | null>;
  /** Runs the check-in through the watchlist clearance (useWatchlistClearance). */
  checkIn: (attempt: CheckInAttempt) => Promise<CheckInResult | undefined>;
  onCheckedIn: (result: CheckInResult, host: Staff | undefined) => void;
}

export function RegistrationForm({ nameRef, checkIn, onCheckedIn }: RegistrationFormProps) {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const repos = repositoriesOf(db);
  const notify = useNotify();
  const [values, setValues] = useState<Values>(EMPTY);
  const [host, setHost] = useState<Staff>();
  const [visitor, setVisitor] = useState<Visitor>();
  const [idFromStore, setIdFromStore] = useState(false);
  /** What a pick filled in, so a changed name can take exactly that back out. */
  const pickedRef = useRef<{ name: string; values: Values; hostId: string | undefined }>(undefined);
  const [detachedFrom, setDetachedFrom] = useState<string>();
  const [idRevealed, setIdRevealed] = useState(false);
  const [override, setOverride] = useState(false);
  const [overridable, setOverridable] = useState<IdNumberError>();
  const [errors, setErrors] = useState<Partial<Record<RegistrationField, string>>>({});
  const [warnings, setWarnings] = useState<Partial<Record<RegistrationField, string>>>({});
  const [busy, setBusy] = useState(false);
  const { store: suggestions, lookup, close: closeSuggestions, onKeyDown: onSuggestKeyDown } = useVisitorSuggestions(db);
  const setSuggest = suggestions.set;
  const formRef = useRef<HTMLFormElement>(null);
  const purposeRef = useRef<HTMLInputElement>(null);
  const hostRef = useRef<HTMLInputElement>(null);

  const set = (field: TextFieldName) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (field === 'name' && visitor) {
      // A different name is a different person: the visit must not be stored against the picked visitor,
      // nor carry their organisation, phone, ID, host or purpose. Whatever still holds the picked value
      // is cleared (a field the desk has retyped since is kept), and the desk is told.
      const picked = pickedRef.current;
      setVisitor(undefined);
      setIdFromStore(false);
      if (picked) {
        setValues((v) => {
          const next = { ...v, name: value };
          for (const key of DETACHED_FIELDS) if (next[key] === picked.values[key]) next[key] = EMPTY[key];
          return next;
        });
        setHost((h) => (h && h.id === picked.hostId ? undefined : h));
        setDetachedFrom(picked.name);
      }
      pickedRef.current = undefined;
    }
    if (field === 'idNumber' || field === 'idType') {
      setOverride(false);
      setOverridable(undefined);
    }
    if (field === 'name' || field === 'company' || field === 'phone') lookup(field, value);
  };

  const reset = () => {
    pickedRef.current = undefined;
    setDetachedFrom(undefined);
    setValues(EMPTY);
    setHost(undefined);
    setVisitor(undefined);
    setIdFromStore(false);
    setIdRevealed(false);
    setOverride(false);
    setOverridable(undefined);
    setErrors({});
    setWarnings({});
    closeSuggestions();
  };

  const pick = (row: SuggestionRow) => {
    const v = row.visitor;
    flushSync(() => {
      const filled = {
        ...EMPTY,
        name: v.name,
        company: v.company ?? '',
        phone: v.phone ?? '',
        idType: v.idType ?? '',
        idNumber: v.idNumber ?? '',
        purpose: row.lastVisit?.purpose ?? '',
        vehiclePlate: row.lastVisit?.vehiclePlate ?? '',
        expectedDurationMin: String(row.lastVisit?.expectedDurationMin ?? DEFAULT_DURATION),
      };
      setValues(filled);
      pickedRef.current = { name: v.name, values: filled, hostId: row.host?.id };
      setVisitor(v);
      setHost(row.host);
      setDetachedFrom(undefined);
      setIdFromStore(Boolean(v.idNumber));
      setIdRevealed(false);
      setErrors({});
      setWarnings({});
      setOverride(false);
      setOverridable(undefined);
      closeSuggestions();
    });
    // Purpose is what changes from one visit to the next; Enter there checks in. Without a known host,
    // the host picker is next.
    const next = row.host ? purposeRef.current : hostRef.current;
    next?.focus();
    next?.select();
  };

  const onSourceKeyDown = (event: KeyboardEvent<HTMLInputElement>) => onSuggestKeyDown(event, pick);

  // Stable handlers for the memoised fields: each calls the newest closure of this render.
  const live = useRef({ set, pick, onSourceKeyDown, checkIdOnBlur: () => {}, clear: () => {} });
  const onChangeOf = useMemo(() => {
    const handlers = new Map<TextFieldName, (event: { target: { value: string } }) => void>();
    return (name: TextFieldName) => {
      let handler = handlers.get(name);
      if (!handler) {
        handler = (event) => live.current.set(name)(event);
        handlers.set(name, handler);
      }
      return handler;
    };
  }, []);
  const onPickStable = useCallback((row: SuggestionRow) => live.current.pick(row), []);
  const onSourceKeyDownStable = useCallback((event: KeyboardEvent<HTMLInputElement>) => live.current.onSourceKeyDown(event), []);
  const onCheckIdStable = useCallback(() => live.current.checkIdOnBlur(), []);
  const onClearStable = useCallback(() => live.current.clear(), []);
  const onNameBlur = useCallback(
    () => setTimeout(() => setSuggest((s) => (s.source === 'name' && document.activeElement?.id !== 'visit-name' ? { ...s, rows: [], active: -1 } : s)), 150),
    [setSuggest],
  );
  const onHostChange = useCallback((h: Staff | undefined) => {
    setHost(h);
    setErrors((e) => ({ ...e, hostStaffId: undefined }));
  }, []);
  const onHostPicked = useCallback(() => purposeRef.current?.focus(), []);

  const input = (): RegistrationInput => ({
    ...values,
    idType: values.idType || undefined,
    idNumber: values.idNumber || undefined,
    hostStaffId: host?.id,
  });

  const focusField = (field: RegistrationField) => {
    if (field === 'hostStaffId') hostRef.current?.focus();
    else (formRef.current?.querySelector(`[name="${field}"]`) as HTMLElement | null)?.focus();
  };

  const showErrors = (found: Partial<Record<RegistrationField, string>>) => {
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) focusField(first);
  };

  const checkIdOnBlur = () => {
    if (!values.idNumber || idFromStore) return;
    const problem = checkIdNumber((values.idType || undefined) as IdDocumentType | undefined, values.idNumber);
    setErrors((e) => ({ ...e, idNumber: problem && !(override && OVERRIDABLE_ID_ERRORS.has(problem)) ? problem : undefined }));
    setOverridable(problem && OVERRIDABLE_ID_ERRORS.has(problem) ? problem : undefined);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    closeSuggestions();
    const registration = input();
    const checked = checkRegistration(registration, { overrideIdCheck: override, requireHost: true });
    setWarnings(checked.warnings);
    setOverridable(checked.overridableIdError);
    if (!checked.ok) {
      showErrors(checked.errors);
      notify('warning', t('notices.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const chosenHost = host;
      const result = await checkIn(async (acknowledgedAlertIds) => {
        const started = performance.now();
        const saved = await repos.visits.checkIn({ registration, visitorId: visitor?.id, overrideIdCheck: override, acknowledgedAlertIds });
        recordMetric('visitCheckInMs', performance.now() - started);
        return saved;
      });
      reset();
      if (result) {
        notify('success', t('notices.checkedIn', { name: result.visitor.name }));
        onCheckedIn(result, chosenHost);
      }
      nameRef.current?.focus();
    } catch (error) {
      if (error instanceof ValidationError) showErrors(error.fields as Partial<Record<RegistrationField, string>>);
      else notify('error', t('errors.saveFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
    }
  };

  useLayoutEffect(() => {
    live.current = {
      set,
      pick,
      onSourceKeyDown,
      checkIdOnBlur,
      clear: () => {
        reset();
        nameRef.current?.focus();
      },
    };
  });

  const message = (field: RegistrationField) => {
    const code = errors[field];
    if (code) return t(`errors.${code}`, { defaultValue: code, message: code });
    const warning = warnings[field];
    return warning ? t(`warnings.${warning}`) : undefined;
  };

  const field = (name: TextFieldName, extra: { required?: boolean } = {}) => ({
    id: `visit-${name}`,
    name,
    label: t(`form.${name === 'expectedDurationMin' ? 'expectedDuration' : name}`),
    value: values[name],
    onChange: onChangeOf(name),
    error: Boolean(errors[name]),
    helperText: message(name),
    fullWidth: true,
    size: 'small' as const,
    autoComplete: 'off',
    ...extra,
  });

  return (
    <Box
      component="form"
      ref={formRef}
      aria-labelledby="registration-title"
      noValidate
      onSubmit={(e: FormEvent) => void submit(e)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Typography id="registration-title" variant="h6" component="h2" sx={{ mb: 1 }}>{t('form.title')}</Typography>
      <Stack spacing={1.5}>
        <div>
          <SuggestingTextField
            store={suggestions}
            source="name"
            {...field('name', { required: true })}
            inputRef={nameRef}
            helperText={message('name') ?? t('form.nameHelp')}
            onKeyDown={onSourceKeyDownStable}
            onBlur={onNameBlur}
          />
          <SuggestionList store={suggestions} source="name" onPick={onPickStable} />
          {detachedFrom && (
            <Typography role="status" variant="body2" color="text.secondary" data-testid="registration-detached">
              {t('form.detached', { name: detachedFrom })}
            </Typography>
          )}
        </div>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
          <Box sx={{ flex: 1 }}>
            <SuggestingTextField store={suggestions} source="company" {...field('company')} onKeyDown={onSourceKeyDownStable} />
            <SuggestionList store={suggestions} source="company" onPick={onPickStable} />
          </Box>
          <Box sx={{ flex: 1 }}>
            <SuggestingTextField store={suggestions} source="phone" {...field('phone')} type="tel" onKeyDown={onSourceKeyDownStable} />
            <SuggestionList store={suggestions} source="phone" onPick={onPickStable} />
          </Box>
        </Stack>
        <HostPicker
          id="visit-host"
          ref={hostRef}
          value={host}
          required
          onChange={onHostChange}
          onPicked={onHostPicked}
          error={errors.hostStaffId ? t(`errors.${errors.hostStaffId}`) : undefined}
        />
        <Field {...field('purpose')} inputRef={purposeRef} helperText={message('purpose') ?? t('form.checkInHelp')} />
        <Stack direction="row" spacing={1.5}>
          <Field {...field('partySize')} type="number" slotProps={PARTY_SIZE_SLOTS} />
          <DurationSelect {...field('expectedDurationMin')} />
          <Field {...field('vehiclePlate')} />
        </Stack>
        <Stack direction="row" spacing={1.5}>
          <IdTypeSelect {...field('idType')} />
          <IdField
            field={{ ...field('idNumber'), helperText: message('idNumber') ?? (values.idNumber ? t('form.idMaskedHelp') : undefined) }}
            fromStoreOf={idFromStore ? visitor?.id : undefined}
            revealed={idRevealed}
            onRevealedChange={setIdRevealed}
            onCheck={onCheckIdStable}
          />
        </Stack>
        {overridable && (
          <Alert severity="warning" variant="outlined">
            <FormControlLabel
              control={<Checkbox checked={override} onChange={(e) => {
                setOverride(e.target.checked);
                if (e.target.checked) setErrors((er) => ({ ...er, idNumber: undefined }));
              }} />}
              label={t('form.override')}
            />
            <Typography variant="body2">{t('form.overrideHelp')}</Typography>
          </Alert>
        )}
        <Field {...field('notes')} multiline minRows={1} />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={busy} title="Enter / Ctrl+Enter">{t('actions.checkIn')}</Button>
          <Button onClick={onClearStable} disabled={busy}>{t('actions.clear')}</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
