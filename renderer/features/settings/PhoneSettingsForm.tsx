// The softphone's settings. Validation uses the same schema the phone uses; the password goes to the
// bridge's secrets and is never shown back (only whether one is stored).
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { checkSipServerUrl, DEFAULT_LINES, iceServerSchema, MAX_LINES_LIMIT, type PhoneSettings } from '@shared/phone/phoneSettings';
import { loadPhoneSettings, savePhoneSettings } from '../../phone/phoneService';
import { getBridge } from '../../platform';
import { notifications } from '../../ui/notifications/notificationStore';

interface FormState {
  server: string;
  domain: string;
  extension: string;
  authUser: string;
  displayName: string;
  iceServers: string;
  ringDeviceId: string;
  speakerDeviceId: string;
  lines: string;
  holdRecallSeconds: string;
  consultTimeoutSeconds: string;
  dtmfViaInfo: boolean;
  answerKey: string;
}

/** Keys free for answering (F4–F10 and the Alt/Ctrl combinations are taken by other phone actions). */
export const ANSWER_KEYS = ['F2', 'F3', 'F12', 'Insert', 'Pause'] as const;

const EMPTY: FormState = {
  server: '', domain: '', extension: '', authUser: '', displayName: '', iceServers: '', ringDeviceId: '', speakerDeviceId: '',
  lines: String(DEFAULT_LINES), holdRecallSeconds: '60', consultTimeoutSeconds: '25', dtmfViaInfo: false, answerKey: 'F2',
};

function toForm(s: PhoneSettings): FormState {
  return {
    server: s.server, domain: s.domain ?? '', extension: s.extension, authUser: s.authUser ?? '', displayName: s.displayName ?? '',
    iceServers: s.iceServers.map((i) => i.urls).join('\n'), ringDeviceId: s.ringDeviceId ?? '', speakerDeviceId: s.speakerDeviceId ?? '',
    lines: String(s.lines), holdRecallSeconds: String(s.holdRecallSeconds), consultTimeoutSeconds: String(s.consultTimeoutSeconds), dtmfViaInfo: s.dtmfViaInfo,
    answerKey: (ANSWER_KEYS as readonly string[]).includes(s.answerKey) ? s.answerKey : 'F2',
  };
}

/** The desk's choice of lines: 1 … 8 (4 unless set); more calls than that are refused busy. */
const LINE_COUNTS = Array.from({ length: MAX_LINES_LIMIT }, (_, i) => i + 1);

type Errors = Partial<Record<keyof FormState, string>>;

export function PhoneSettingsForm() {
  const { t } = useTranslation('switchboard');
  const [form, setForm] = useState<FormState>(EMPTY);
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  // Which storage keeps the password (app.info): the help text must not promise the OS keychain in a browser.
  const [secretStorage, setSecretStorage] = useState<'os' | 'memory'>('os');
  const [passwordReset, setPasswordReset] = useState(false);
  const [storedServerRefused, setStoredServerRefused] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [outputs, setOutputs] = useState<MediaDeviceInfo[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void loadPhoneSettings().then((s) => s && setForm(toForm(s)));
    void getBridge().secrets.get({ key: 'sip.password' }).then((r) => {
      setHasPassword(r.ok && r.value.value !== null);
      // main set a damaged secrets file aside: the password has to be typed again.
      setPasswordReset(r.ok && r.value.reset === true);
    });
    void getBridge().app.info().then((r) => {
      if (!r.ok) return;
      setSecretStorage(r.value.secretStorage);
      setStoredServerRefused(r.value.rejectedSipServers?.[0] ?? null);
    });
    void navigator.mediaDevices?.enumerateDevices?.().then((devices) => setOutputs(devices.filter((d) => d.kind === 'audiooutput' && d.deviceId))).catch(() => undefined);
  }, []);

  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const validate = (): Errors => {
    const out: Errors = {};
    const server = checkSipServerUrl(form.server.trim());
    if (server === 'bad-address') out.server = t('settings.errors.serverAddress');
    else if (server !== 'ok') out.server = t('settings.errors.server');
    if (!/^[A-Za-z0-9_.+-]{1,64}$/.test(form.extension.trim())) out.extension = t('settings.errors.extension');
    const ice = form.iceServers.split('\n').map((l) => l.trim()).filter(Boolean);
    if (ice.some((urls) => !iceServerSchema.safeParse({ urls }).success)) out.iceServers = t('settings.errors.ice');
    const recall = Number(form.holdRecallSeconds);
    if (!Number.isInteger(recall) || recall < 10 || recall > 3600) out.holdRecallSeconds = t('settings.errors.number');
    const consult = Number(form.consultTimeoutSeconds);
    if (!Number.isInteger(consult) || consult < 5 || consult > 120) out.consultTimeoutSeconds = t('settings.errors.number');
    return out;
  };

  const save = async () => {
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      notifications.notify('error', t('settings.invalid', { field: Object.values(found)[0] }));
      return;
    }
    const settings = {
      server: form.server.trim(),
      domain: form.domain.trim() || undefined,
      extension: form.extension.trim(),
      authUser: form.authUser.trim() || undefined,
      displayName: form.displayName.trim() || undefined,
      iceServers: form.iceServers.split('\n').map((l) => l.trim()).filter(Boolean).map((urls) => ({ urls })),
      ringDeviceId: form.ringDeviceId || undefined,
      speakerDeviceId: form.speakerDeviceId || undefined,
      lines: Number(form.lines),
      holdRecallSeconds: Number(form.holdRecallSeconds),
      consultTimeoutSeconds: Number(form.consultTimeoutSeconds),
      dtmfViaInfo: form.dtmfViaInfo,
      answerKey: form.answerKey,
    };
    setSaving(true);
    try {
      const result = await savePhoneSettings(settings, password === '' ? undefined : password);
      if (result.ok) {
        if (password) {
          setHasPassword(true);
          setPasswordReset(false);
        }
        setStoredServerRefused(null);
        setPassword('');
        notifications.notify('success', t('settings.saved'));
      } else if (result.reason === 'secrets-unavailable') {
        notifications.notify('error', t('settings.secretsUnavailable', { message: result.message ?? '' }));
      } else {
        notifications.notify('error', t('settings.invalid', { field: result.message ?? '' }));
      }
    } finally {
      setSaving(false);
    }
  };

  const deviceSelect = (key: 'ringDeviceId' | 'speakerDeviceId', label: string) => (
    <TextField select label={label} value={form[key]} onChange={set(key)} size="small">
      <MenuItem value="">{t('settings.defaultDevice')}</MenuItem>
      {outputs.map((d) => (
        <MenuItem key={d.deviceId} value={d.deviceId}>{d.label || d.deviceId}</MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box
      component="form"
      aria-label={t('settings.title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' }, gap: 2 }}
    >
      <TextField label={t('settings.server')} value={form.server} onChange={set('server')} error={!!errors.server || storedServerRefused !== null} helperText={errors.server ?? (storedServerRefused !== null ? t('settings.errors.storedServerRefused', { address: storedServerRefused }) : t('settings.serverHelp'))} size="small" required sx={{ gridColumn: '1 / -1' }} />
      <TextField label={t('settings.extension')} value={form.extension} onChange={set('extension')} error={!!errors.extension} helperText={errors.extension} size="small" required />
      <TextField label={t('settings.displayName')} value={form.displayName} onChange={set('displayName')} size="small" />
      <TextField label={t('settings.authUser')} value={form.authUser} onChange={set('authUser')} size="small" />
      <TextField label={t('settings.domain')} value={form.domain} onChange={set('domain')} size="small" />
      <TextField
        label={t('settings.password')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={passwordReset}
        helperText={[
          passwordReset ? t('settings.passwordReset') : null,
          hasPassword ? t('settings.passwordStored') : null,
          t(secretStorage === 'memory' ? 'settings.passwordHelpMemory' : 'settings.passwordHelp'),
        ].filter(Boolean).join(' · ')}
        size="small"
        sx={{ gridColumn: '1 / -1' }}
      />
      <TextField label={t('settings.iceServers')} value={form.iceServers} onChange={set('iceServers')} error={!!errors.iceServers} helperText={errors.iceServers} multiline minRows={2} size="small" sx={{ gridColumn: '1 / -1' }} />
      <TextField select label={t('settings.answerKey')} value={form.answerKey} onChange={set('answerKey')} size="small">
        {ANSWER_KEYS.map((k) => (
          <MenuItem key={k} value={k}>{k}</MenuItem>
        ))}
      </TextField>
      <Box />
      {deviceSelect('ringDeviceId', t('settings.ringDevice'))}
      {deviceSelect('speakerDeviceId', t('settings.speakerDevice'))}
      <TextField select label={t('settings.lines')} value={form.lines} onChange={set('lines')} helperText={t('settings.linesHelp')} size="small">
        {LINE_COUNTS.map((n) => (
          <MenuItem key={n} value={String(n)}>{n}</MenuItem>
        ))}
      </TextField>
      <Box />
      <TextField label={t('settings.holdRecall')} value={form.holdRecallSeconds} onChange={set('holdRecallSeconds')} error={!!errors.holdRecallSeconds} helperText={errors.holdRecallSeconds} size="small" slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
      <TextField label={t('settings.consultTimeout')} value={form.consultTimeoutSeconds} onChange={set('consultTimeoutSeconds')} error={!!errors.consultTimeoutSeconds} helperText={errors.consultTimeoutSeconds} size="small" slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
      <FormControlLabel
        control={<Checkbox checked={form.dtmfViaInfo} onChange={(e) => setForm((f) => ({ ...f, dtmfViaInfo: e.target.checked }))} />}
        label={t('settings.dtmfViaInfo')}
        sx={{ gridColumn: '1 / -1' }}
      />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Button type="submit" variant="contained" disabled={saving}>{t('settings.save')}</Button>
      </Box>
    </Box>
  );
}
