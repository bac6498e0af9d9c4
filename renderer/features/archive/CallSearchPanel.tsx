// The phone-record archive (话务档案, issue 12): stored calls with their notes, found by name (characters,
// full pinyin, initials), company or number, a date range, direction and outcome. Results come a page at a
// time by key from the call repository (renderer/db/callArchive.ts) and scroll in a virtualised table; ↑/↓,
// Page Up/Down, Home/End move between rows, Enter opens a record with its note, messages and transfer.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import type { CallDispositionValue } from '@shared/domain/switchboard';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS } from '@shared/domain/plain/switchboard';
import { repositoriesOf, useDatabase, type CallArchiveCursor, type CallArchiveQuery, type CallArchiveRecord, type CallArchiveRow, type CallDirection } from '../../db';
import { recordMetric } from '../../platform/metrics';
import { describeError } from '../../ui/describeError';
import { AppDateField } from '../../ui/dates/DateTimeFields';

const ROW_HEIGHT = 44;
const PAGE = 50;
const COLUMNS = '150px 80px 150px 1fr 1.2fr 130px 1.6fr';
const FINAL_DISPOSITIONS = CALL_DISPOSITIONS.filter((d) => d !== 'ringing' && d !== 'connected');

/** A local calendar day (yyyy-mm-dd from a date field) as epoch ms at its start. */
function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : undefined;
}

interface Results {
  rows: CallArchiveRow[];
  next?: CallArchiveCursor | undefined;
  loading: boolean;
  error?: string | undefined;
}

/** The pages of one query, loaded on demand; a new query starts over (an older answer is dropped). */
function useArchiveSearch(query: CallArchiveQuery | null) {
  const db = useDatabase();
  const [results, setResults] = useState<Results>({ rows: [], loading: false });
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    async (after: CallArchiveCursor | undefined, gen: number) => {
      if (!query) return;
      busy.current = true;
      setResults((r) => ({ ...r, loading: true }));
      try {
        const started = performance.now();
        const page = await repositoriesOf(db).calls.searchArchive(query, after ? { after, limit: PAGE } : { limit: PAGE });
        // The benchmark's figure (tests/bench/callArchive.bench.ts): one page of one query, by plan.
        recordMetric(`callArchiveSearchMs.${page.plan}`, performance.now() - started);
        if (gen !== generation.current) return;
        setResults((r) => ({ rows: after ? [...r.rows, ...page.rows] : page.rows, next: page.next, loading: false }));
      } catch (error) {
        if (gen === generation.current) setResults((r) => ({ ...r, loading: false, error: describeError(error) }));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [db, query],
  );

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    setResults({ rows: [], loading: query !== null });
    void load(undefined, generation.current);
  }, [load, query]);

  const more = useCallback(() => {
    if (busy.current || !results.next) return;
    void load(results.next, generation.current);
  }, [load, results.next]);

  return { ...results, more };
}

export function CallSearchPanel() {
  const { t, i18n } = useTranslation('archive');
  const db = useDatabase();
  const [text, setText] = useState('');
  const [debouncedText, setDebouncedText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [direction, setDirection] = useState<CallDirection | ''>('');
  const [disposition, setDisposition] = useState<CallDispositionValue | ''>('');
  const [active, setActive] = useState(0);
  const [opened, setOpened] = useState<CallArchiveRecord | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setDebouncedText(text), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const fromMs = dayStart(from);
  const toMs = dayStart(to);
  const rangeInvalid = fromMs !== undefined && toMs !== undefined && toMs < fromMs;
  const query = useMemo<CallArchiveQuery | null>(() => {
    if (rangeInvalid) return null;
    const q: CallArchiveQuery = {};
    if (debouncedText.trim()) q.text = debouncedText;
    if (fromMs !== undefined) q.from = fromMs;
    if (toMs !== undefined) q.to = toMs + 86_400_000;
    if (direction) q.direction = direction;
    if (disposition) q.disposition = disposition;
    return q;
  }, [debouncedText, fromMs, toMs, direction, disposition, rangeInvalid]);
  const { rows, next, loading, error, more } = useArchiveSearch(query);

  useEffect(() => setActive(0), [query]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 900, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  // Near the end of what is loaded (or a page that found nothing yet): the next page.
  useEffect(() => {
    if (next && !loading && lastIndex >= rows.length - 10) more();
  }, [lastIndex, rows.length, next, loading, more]);

  // The row the keyboard moved to claims the focus once the virtual list has rendered it.
  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row) {
      focusWanted.current = false;
      row.focus();
    }
  });

  const dateTime = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }), [i18n.language]);

  const open = async (row: CallArchiveRow) => {
    const record = await repositoriesOf(db).calls.archiveRecord(row.call.id);
    setOpened(record ?? null);
  };

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    focusWanted.current = true;
    virtualizer.scrollToIndex(target);
  };

  const onRowKey = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const visible = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + visible, PageUp: index - visible, Home: 0, End: rows.length - 1 };
    if (event.key in keys) {
      event.preventDefault();
      moveTo(keys[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void open(rows[index]!);
    }
  };

  const status = error ? null : loading && rows.length === 0 ? t('calls.searching') : rows.length === 0 && query ? t('calls.none') : next ? t('calls.foundMore', { count: rows.length }) : t('calls.found', { count: rows.length });
  const cell = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  const columns = ['time', 'direction', 'number', 'name', 'company', 'disposition', 'reason'] as const;

  return (
    <Stack spacing={2}>
      <Typography>{t('calls.intro')}</Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <TextField label={t('calls.text')} value={text} onChange={(e) => setText(e.target.value)} type="search" sx={{ minWidth: 280 }} autoFocus />
        <AppDateField size="medium" label={t('calls.from')} value={from} onChange={setFrom} />
        <AppDateField
          size="medium"
          label={t('calls.to')}
          value={to}
          onChange={setTo}
          error={rangeInvalid}
          helperText={rangeInvalid ? t('calls.rangeInvalid') : undefined}
        />
        <TextField select label={t('calls.direction')} value={direction} onChange={(e) => setDirection(e.target.value as CallDirection | '')} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 120 }}>
          <option value="">{t('calls.any')}</option>
          {CALL_DIRECTIONS.map((d) => (
            <option key={d} value={d}>{t(`calls.directions.${d}`)}</option>
          ))}
        </TextField>
        <TextField select label={t('calls.disposition')} value={disposition} onChange={(e) => setDisposition(e.target.value as CallDispositionValue | '')} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 180 }}>
          <option value="">{t('calls.any')}</option>
          {FINAL_DISPOSITIONS.map((d) => (
            <option key={d} value={d}>{t(`calls.dispositions.${d}`)}</option>
          ))}
        </TextField>
      </Stack>
      {error && <Alert severity="error" role="alert">{t('calls.failed', { message: error })}</Alert>}
      {status && <Typography role="status" variant="body2" data-testid="call-archive-status">{status}</Typography>}
      <Box role="table" aria-label={t('calls.results')} aria-rowcount={next ? -1 : rows.length + 1} sx={{ display: 'flex', flexDirection: 'column', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Box role="rowgroup">
          <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', height: 36, borderBottom: 1, borderColor: 'divider', fontWeight: 600, fontSize: 14 }}>
            {columns.map((c) => (
              <Box key={c} role="columnheader" sx={cell}>{t(`calls.columns.${c}`)}</Box>
            ))}
          </Box>
        </Box>
        <Box ref={scrollRef} role="rowgroup" sx={{ height: 440, overflow: 'auto' }}>
          <Box role="presentation" sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              const { call, note } = row;
              const isOpen = opened?.call.id === call.id;
              return (
                <Box
                  key={call.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-current={isOpen ? 'true' : undefined}
                  data-index={item.index}
                  data-call-id={call.id}
                  tabIndex={item.index === Math.min(active, rows.length - 1) ? 0 : -1}
                  onKeyDown={(e) => onRowKey(e, item.index)}
                  onClick={() => {
                    setActive(item.index);
                    void open(row);
                  }}
                  onFocus={() => setActive(item.index)}
                  sx={{
                    display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', position: 'absolute', top: 0, left: 0, width: '100%',
                    height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, borderBottom: 1, borderColor: 'divider', fontSize: 14, cursor: 'pointer',
                    bgcolor: isOpen ? 'action.selected' : undefined,
                    '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', outlineOffset: -2 },
                  }}
                >
                  <Box role="cell" sx={cell}>{dateTime.format(call.startedAt)}</Box>
                  <Box role="cell" sx={cell}>{t(`calls.directions.${call.direction}`)}</Box>
                  <Box role="cell" sx={cell}>{call.remoteNumber}</Box>
                  <Box role="cell" sx={cell} title={note?.callerName ?? call.remoteName}>{note?.callerName ?? call.remoteName ?? ''}</Box>
                  <Box role="cell" sx={cell} title={note?.company}>{note?.company ?? ''}</Box>
                  <Box role="cell" sx={cell}>{t(`calls.dispositions.${call.disposition}`)}</Box>
                  <Box role="cell" sx={cell} title={note?.reason}>{note?.reason ?? ''}</Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Box>
      {opened && <CallRecordDetail record={opened} onClose={() => setOpened(null)} format={(at) => dateTime.format(at)} />}
    </Stack>
  );
}

function CallRecordDetail({ record, onClose, format }: { record: CallArchiveRecord; onClose: () => void; format: (at: number) => string }) {
  const { t } = useTranslation('archive');
  const { call, note, messages, consultations } = record;
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : t('calls.seconds', { count: Math.round(ms / 1000) }));
  const facts: [string, string | undefined][] = [
    [t('calls.columns.direction'), t(`calls.directions.${call.direction}`)],
    [t('calls.columns.disposition'), t(`calls.dispositions.${call.disposition}`)],
    [t('calls.fields.started'), format(call.startedAt)],
    [t('calls.fields.answered'), call.answeredAt !== undefined ? format(call.answeredAt) : undefined],
    [t('calls.fields.ended'), call.endedAt !== undefined ? format(call.endedAt) : undefined],
    [t('calls.fields.ring'), seconds(call.ringMs)],
    [t('calls.fields.talk'), seconds(call.talkMs)],
    [t('calls.fields.hold'), seconds(call.holdMs)],
    [t('calls.fields.extension'), call.extension],
    [t('calls.fields.status'), call.statusCode !== undefined ? String(call.statusCode) : undefined],
    [
      t('calls.fields.transfer'),
      call.transferredTo ? `${t('calls.fields.transferTo', { target: call.transferredTo })} (${call.transferConfirmed ? t('calls.fields.transferConfirmed') : t('calls.fields.transferUnconfirmed')})` : undefined,
    ],
  ];
  const noteFacts: [string, string | undefined][] = note
    ? [
        [t('calls.columns.name'), note.callerName],
        [t('calls.columns.company'), note.company],
        [t('calls.columns.number'), note.phone],
        [t('calls.fields.category'), t(`callnotes:categories.${note.category}`, { defaultValue: note.category })],
        [t('calls.columns.reason'), note.reason],
        [t('calls.fields.keyPoints'), note.keyPoints ? [note.keyPoints.time, note.keyPoints.place, note.keyPoints.people, note.keyPoints.matter].filter(Boolean).join(' · ') : undefined],
      ]
    : [];
  const list = (pairs: [string, string | undefined][]) => (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {pairs.filter(([, v]) => v).map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{k}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>{v}</Typography>
        </Box>
      ))}
    </Box>
  );
  const title = t('calls.detail', { number: call.remoteNumber, time: format(call.startedAt) });
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">{title}</Typography>
        <IconButton aria-label={t('calls.close')} title={t('calls.close')} onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {list(facts)}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{t('calls.fields.note')}{note?.important ? ` · ${t('calls.fields.important')}` : ''}</Typography>
      {note ? list(noteFacts) : <Typography variant="body2" color="text.secondary">{t('calls.fields.noNote')}</Typography>}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{t('calls.fields.messages')}</Typography>
      {messages.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('calls.fields.noMessages')}</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {messages.map((m) => (
            <Typography component="li" variant="body2" key={m.id}>{`${m.toName ?? ''}: ${m.content}`}</Typography>
          ))}
        </Box>
      )}
      {consultations.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>{t('calls.fields.consultations')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {consultations.map((c) => (
              <Typography component="li" variant="body2" key={c.id}>{`${format(c.startedAt)} · ${c.remoteNumber} · ${t(`calls.dispositions.${c.disposition}`)}`}</Typography>
            ))}
          </Box>
        </>
      )}
    </Paper>
  );
}
