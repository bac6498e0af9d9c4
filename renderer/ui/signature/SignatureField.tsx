// A signature drawn on screen (signature_pad) with a keyboard alternative: typing one's name to confirm
// (the regulations' "sign to confirm" — docs/REQUIREMENTS.md). Reusable by any feature (messages, parcels).
// The value is a PNG data URL plus the strokes count, or the typed name; empty is `null` (no signature).
// Strings come from the common namespace ("signature.*"); a feature may pass its own through `strings`.
import { Box, Button, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import { signatureValueOf, type SignatureValue } from './signatureValue';

export interface SignatureStrings {
  /** The canvas's accessible name. */
  pad: string;
  clear: string;
  typedLabel: string;
  typedHelp: string;
  empty: string;
}

export interface SignatureFieldProps {
  /** The group's visible name (a legend), e.g. "Recipient's signature". */
  label: string;
  value: SignatureValue | null;
  onChange: (value: SignatureValue | null) => void;
  /** Prefix for element ids; also `data-signature` on the canvas for tests. */
  id?: string;
  disabled?: boolean;
  required?: boolean;
  /** Shown under the field when set (e.g. "A signature or typed name is required"). */
  error?: string;
  height?: number;
  strings?: Partial<SignatureStrings>;
}

export function SignatureField({ label, value, onChange, id, disabled = false, required = false, error, height = 160, strings, }: SignatureFieldProps) {
  const { t } = useTranslation('common');
  const s: SignatureStrings = {
    pad: t('signature.pad'),
    clear: t('signature.clear'),
    typedLabel: t('signature.typedLabel'),
    typedHelp: t('signature.typedHelp'),
    empty: t('signature.empty'),
    ...strings,
  };
  const autoId = useId();
  const baseId = id ?? `signature-${autoId.replace(/:/g, '')}`;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [strokes, setStrokes] = useState(0);
  const [typed, setTyped] = useState(value?.method === 'typed' ? value.typedName : '');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const typedRef = useRef(typed);
  typedRef.current = typed;

  const emit = useCallback((typedNow: string) => {
    const pad = padRef.current;
    const count = pad ? pad.toData().length : 0;
    setStrokes(count);
    const drawn = pad && count > 0 ? { dataUrl: pad.toDataURL('image/png'), strokes: count } : null;
    onChangeRef.current(signatureValueOf(drawn, typedNow));
  }, []);

  // The pad lives as long as the canvas; the canvas follows its box's width (kept drawing survives a resize).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !canvas.getContext('2d')) return undefined;
    const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(0,0,0)' });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = canvas.offsetWidth;
      const heightPx = canvas.offsetHeight;
      if (!width || !heightPx) return;
      if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(heightPx * ratio)) return;
      const data = pad.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(heightPx * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (data.length) pad.fromData(data);
    };
    fit();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : undefined;
    observer?.observe(canvas);
    const onEnd = () => emit(typedRef.current);
    pad.addEventListener('endStroke', onEnd);
    return () => {
      observer?.disconnect();
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
      padRef.current = null;
    };
  }, [emit]);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  // The owner resetting the value to null (after saving, say) clears what is drawn and typed.
  useEffect(() => {
    if (value !== null) return;
    const pad = padRef.current;
    if (pad && !pad.isEmpty()) {
      pad.clear();
      setStrokes(0);
    }
    if (typedRef.current) setTyped('');
  }, [value]);

  const clear = () => {
    padRef.current?.clear();
    setTyped('');
    emit('');
  };

  const status =
    value?.method === 'drawn'
      ? t('signature.drawn', { count: value.strokes })
      : value?.method === 'typed'
        ? t('signature.typed', { name: value.typedName })
        : s.empty;

  return (
    <Box component="fieldset" disabled={disabled} aria-required={required || undefined} sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
        {label}
        {required ? ' *' : ''}
      </Typography>
      <Box
        component="canvas"
        ref={canvasRef}
        role="img"
        aria-label={s.pad}
        aria-describedby={`${baseId}-status`}
        data-signature={baseId}
        data-strokes={strokes}
        sx={{
          display: 'block',
          width: '100%',
          height,
          border: 1,
          borderColor: error ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: '#fff',
          touchAction: 'none',
          cursor: disabled ? 'not-allowed' : 'crosshair',
        }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
        <TextField
          id={`${baseId}-typed`}
          size="small"
          label={s.typedLabel}
          helperText={s.typedHelp}
          value={typed}
          disabled={disabled}
          onChange={(e) => {
            setTyped(e.target.value);
            emit(e.target.value);
          }}
          sx={{ flex: 1 }}
        />
        <Button onClick={clear} disabled={disabled || (strokes === 0 && !typed)} aria-label={`${s.clear}: ${label}`}>
          {s.clear}
        </Button>
      </Stack>
      <Typography id={`${baseId}-status`} variant="body2" role="status" aria-live="polite" color="text.secondary" data-signature-status>
        {status}
      </Typography>
      {error ? <FormHelperText error>{error}</FormHelperText> : null}
    </Box>
  );
}
