import { Dialog, DialogActions, DialogContent, DialogTitle, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRegisteredShortcuts } from '../ui/shortcuts/ShortcutProvider';

/** Lists every shortcut that is bound right now, grouped, straight from the registry. */
export function ShortcutHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const shortcuts = useRegisteredShortcuts();
  const groups = [...new Set(shortcuts.map((s) => s.groupKey))];
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-help-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcut-help-title">{t('shortcuts.help')}</DialogTitle>
      {/* Focusable, so a keyboard user can scroll the list (WCAG 2.1.1). */}
      <DialogContent tabIndex={0}>
        {groups.map((group) => (
          <Box key={group} sx={{ mb: 2 }}>
            <Typography variant="subtitle2" component="h3">{t(group)}</Typography>
            <Table size="small" aria-label={t(group)}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 140 }}>{t('shortcuts.keys')}</TableCell>
                  <TableCell>{t('shortcuts.action')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shortcuts.filter((s) => s.groupKey === group).map((s) => (
                  <TableRow key={s.id}>
                    <TableCell><kbd>{s.keys}</kbd></TableCell>
                    <TableCell>{t(s.descriptionKey, { screen: t(`nav.${s.id.replace(/^nav\./, '')}`) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>{t('shortcuts.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
