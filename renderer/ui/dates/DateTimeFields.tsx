// Date and time fields in the console's language, not the browser's. A native <input type="date"> draws its
// placeholder, month names and calendar in the locale Chromium was started with, so a desk set to 简体中文
// on an English Windows showed "mm/dd/yyyy" and an English calendar. These fields use MUI X's pickers with
// dayjs in the interface language (order of the parts, month and weekday names, the calendar's buttons) and
// keep the plain string values the screens already store: "YYYY-MM-DD" for a date, "HH:mm" for a time.
// Typing works part by part (year, month, day) from the keyboard; the calendar button opens a picker.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { SxProps, Theme } from '@mui/material/styles';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { TimePicker } from '@mui/x-date-pickers/TimePicker';
import { enUS, zhCN, zhTW } from '@mui/x-date-pickers/locales';
import { resolveLanguage, type LanguageCode } from '@shared/i18n/languages';

const DAYJS_LOCALES: Record<LanguageCode, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const PICKER_TEXT = {
  'zh-CN': zhCN.components.MuiLocalizationProvider.defaultProps.localeText,
  'zh-TW': zhTW.components.MuiLocalizationProvider.defaultProps.localeText,
  en: enUS.components.MuiLocalizationProvider.defaultProps.localeText,
} satisfies Record<LanguageCode, unknown>;

/** The calendar's heading as each language writes it: "2026年12月", not dayjs's "十二月 2026". */
const CALENDAR_HEADING: Record<LanguageCode, string | undefined> = {
  'zh-CN': 'YYYY年M月',
  'zh-TW': 'YYYY年M月',
  en: undefined,
};

const DATE_FORMAT = 'YYYY-MM-DD';
const TIME_FORMAT = 'HH:mm';

function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  const resolved = resolveLanguage(i18n.language);
  return resolved.ok ? resolved.language : 'zh-CN';
}

/** The pickers' locale provider for one field, following the interface language as it changes. */
function PickerLocale({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={DAYJS_LOCALES[language]} localeText={PICKER_TEXT[language]}>
      {children}
    </LocalizationProvider>
  );
}

/**
 * Holds what is being typed (a half-typed date is not a value yet) and reports only whole values, or ''
 * when the field is emptied; a new value from outside replaces what is shown.
 */
function useTypedValue(value: string, format: string, onChange: (value: string) => void) {
  const parse = (text: string): Dayjs | null => {
    if (!text) return null;
    if (format === TIME_FORMAT) {
      const match = /^(\d{1,2}):(\d{2})$/.exec(text);
      return match ? dayjs().startOf('day').hour(Number(match[1])).minute(Number(match[2])) : null;
    }
    const parsed = dayjs(text);
    return parsed.isValid() ? parsed : null;
  };
  const [shown, setShown] = useState<Dayjs | null>(() => parse(value));
  useEffect(() => {
    const current = shown && shown.isValid() ? shown.format(format) : '';
    if (current !== value) setShown(parse(value));
    // Only a change from outside (the prop) re-parses; typing updates `shown` itself.
  }, [value]);
  const change = (next: Dayjs | null) => {
    setShown(next);
    if (next === null) onChange('');
    else if (next.isValid()) onChange(next.format(format));
  };
  return [shown, change] as const;
}

export interface DateTimeFieldProps {
  id?: string;
  label: string;
  /** "YYYY-MM-DD" for a date field, "HH:mm" for a time field, '' for none. */
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  required?: boolean;
  error?: boolean;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
  /** Earliest and latest dates a date field accepts ("YYYY-MM-DD"). */
  min?: string;
  max?: string;
}

function textFieldProps(props: DateTimeFieldProps) {
  return {
    id: props.id,
    size: props.size ?? 'small',
    required: props.required,
    error: props.error,
    helperText: props.helperText,
    sx: props.sx,
  } as const;
}

function DateInner(props: DateTimeFieldProps) {
  const language = useLanguage();
  const [shown, change] = useTypedValue(props.value, DATE_FORMAT, props.onChange);
  const limits = useMemo(
    () => ({
      ...(props.min ? { minDate: dayjs(props.min) } : {}),
      ...(props.max ? { maxDate: dayjs(props.max) } : {}),
    }),
    [props.min, props.max],
  );
  return (
    <DatePicker
      label={props.label}
      value={shown}
      onChange={change}
      disabled={props.disabled}
      {...limits}
      slotProps={{
        textField: textFieldProps(props),
        field: { clearable: !props.required },
        ...(CALENDAR_HEADING[language] ? { calendarHeader: { format: CALENDAR_HEADING[language] } } : {}),
      }}
    />
  );
}

function TimeInner(props: DateTimeFieldProps) {
  const language = useLanguage();
  const [shown, change] = useTypedValue(props.value, TIME_FORMAT, props.onChange);
  return (
    <TimePicker
      label={props.label}
      value={shown}
      onChange={change}
      disabled={props.disabled}
      ampm={language === 'en'}
      slotProps={{ textField: textFieldProps(props), field: { clearable: !props.required } }}
    />
  );
}

/** A date ("YYYY-MM-DD") typed or picked in the interface language. */
export function AppDateField(props: DateTimeFieldProps) {
  return (
    <PickerLocale>
      <DateInner {...props} />
    </PickerLocale>
  );
}

/** A time of day ("HH:mm") typed or picked in the interface language: 24-hour in Chinese, AM/PM in English. */
export function AppTimeField(props: DateTimeFieldProps) {
  return (
    <PickerLocale>
      <TimeInner {...props} />
    </PickerLocale>
  );
}
