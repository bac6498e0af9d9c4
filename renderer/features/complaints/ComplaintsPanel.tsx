// Visitors' suggestions and complaints (意见/投诉), a tab of the visitor log: the list newest first with
// a status filter, overdue items flagged, and the dialog to log one or follow it up. Keyboard first:
// Alt+N logs a new one; the rows are in the tab order and open with Enter.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddCommentOutlinedIcon from '@mui/icons-material/AddCommentOutlined';
import type { Complaint } from '@shared/domain';
import { COMPLAINT_STATUSES } from '@shared/domain/plain/visitors';
import { isOverdue } from '@shared/complaints/complaintRules';
import { repositoriesOf, useDatabase } from '../../db';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { ComplaintDialog } from './ComplaintDialog';

type Editor = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; id: string };
type StatusFilter = Complaint['status'] | '';

/** Rows shown at most; older items are in the archive export. */
const LIST_LIMIT = 200;

export function ComplaintsPanel() {
  const { t, i18n } = useTranslation('complaints');
  const db = useDatabase();
  const [filter, setFilter] = useState<StatusFilter>('');
  const [editor, setEditor] = useState<Editor>({ mode: 'closed' });
  const items = useLiveQuery(() => repositoriesOf(db).complaints.listByStatus(filter || undefined, LIST_LIMIT), [db, filter]);
  const now = Date.now();

  useShortcut({
    id: 'complaints.new', keys: 'Alt+N', descriptionKey: 'complaints:shortcuts.new', groupKey: 'complaints:shortcuts.group',
    enabled: editor.mode === 'closed', focusTarget: 'complaints.newKind', handler: () => setEditor({ mode: 'new' }),
  });

  const date = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' }).format(at);
  const dateTime = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  const summary = (c: Complaint) => `${t(`kind.${c.kind}`)} · ${c.name ?? t('anonymous')} · ${c.content.slice(0, 40)}`;

  return (
    <Box component="section" aria-labelledby="complaints-title" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="complaints-title" variant="h6" component="h2">{t('title')}</Typography>
        {items && <Typography color="text.secondary">{t('count', { count: items.length })}</Typography>}
        <Box sx={{ flex: 1 }} />
        <TextField
          select
          size="small"
          label={t('filter.label')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as StatusFilter)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ minWidth: 160 }}
        >
          <option value="">{t('filter.all')}</option>
          {COMPLAINT_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </TextField>
        <Button variant="contained" startIcon={<AddCommentOutlinedIcon />} onClick={() => setEditor({ mode: 'new' })} title="Alt+N">{t('new')}</Button>
      </Stack>

      <Table size="small" aria-label={t('list')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('fields.createdAt')}</TableCell>
            <TableCell>{t('fields.kind')}</TableCell>
            <TableCell>{t('fields.name')}</TableCell>
            <TableCell>{t('fields.content')}</TableCell>
            <TableCell>{t('fields.category')}</TableCell>
            <TableCell>{t('fields.owner')}</TableCell>
            <TableCell>{t('fields.dueAt')}</TableCell>
            <TableCell>{t('fields.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items?.map((c) => {
            const late = isOverdue(c, now);
            return (
              <TableRow
                key={c.id}
                hover
                tabIndex={0}
                data-complaint-id={c.id}
                aria-label={t('open', { summary: summary(c) })}
                onClick={() => setEditor({ mode: 'edit', id: c.id })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setEditor({ mode: 'edit', id: c.id });
                  }
                }}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell>{dateTime(c.createdAt)}</TableCell>
                <TableCell>{t(`kind.${c.kind}`)}</TableCell>
                <TableCell>{c.name ?? t('anonymous')}{c.contact ? ` · ${c.contact}` : ''}</TableCell>
                <TableCell sx={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{c.content}</TableCell>
                <TableCell>{c.category ?? ''}</TableCell>
                <TableCell>{c.ownerName ?? ''}</TableCell>
                <TableCell>{c.dueAt !== undefined ? date(c.dueAt) : ''}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5}>
                    <Chip size="small" label={t(`status.${c.status}`)} color={c.status === 'answered' || c.status === 'closed' ? 'success' : 'default'} />
                    {late && <Chip size="small" color="error" label={t('overdue')} data-overdue />}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {items && items.length === 0 && <Typography color="text.secondary" role="status">{t('empty')}</Typography>}

      <ComplaintDialog
        open={editor.mode !== 'closed'}
        complaintId={editor.mode === 'edit' ? editor.id : undefined}
        onClose={() => setEditor({ mode: 'closed' })}
      />
    </Box>
  );
}
