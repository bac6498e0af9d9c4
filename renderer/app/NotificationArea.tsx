import { useState } from 'react';
import { Alert, Badge, Box, Button, IconButton, List, ListItem, ListItemText, Popover, Snackbar, Typography } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useTranslation } from 'react-i18next';
import { notifications, useNotifications } from '../ui/notifications/notificationStore';

/** Bell with the unread count, a list of the shift's notifications, and a toast for the newest one. */
export function NotificationArea() {
  const { t, i18n } = useTranslation();
  const items = useNotifications();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dismissedId, setDismissedId] = useState(0);
  const unread = items.filter((n) => !n.read).length;
  const newest = items[0];
  const toast = newest && newest.id > dismissedId && !newest.read ? newest : undefined;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <>
      <IconButton
        color="inherit"
        aria-label={t('notifications.open', { count: unread > 99 ? '99+' : unread })}
        aria-haspopup="dialog"
        onClick={(e) => {
          setAnchor(e.currentTarget);
          notifications.markAllRead();
        }}
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t('notifications.title') } }}
      >
        <Box sx={{ width: 380, maxHeight: 480, p: 1 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 1 }}>
            <Typography variant="subtitle1" component="h2">{t('notifications.title')}</Typography>
            <Button size="small" onClick={() => notifications.clear()} disabled={items.length === 0}>{t('notifications.clear')}</Button>
          </Box>
          {items.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">{t('notifications.empty')}</Typography>
          ) : (
            <List dense aria-label={t('notifications.title')}>
              {items.map((n) => (
                <ListItem key={n.id} data-severity={n.severity}>
                  <ListItemText primary={n.message} secondary={`${t(`notifications.severity.${n.severity}`)} · ${time.format(n.at)}`} />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
      </Popover>
      <Snackbar
        open={toast !== undefined}
        autoHideDuration={toast?.severity === 'error' ? 10000 : 4000}
        onClose={(_e, reason) => reason !== 'clickaway' && toast && setDismissedId(toast.id)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        sx={{ mb: 4 }}
      >
        {toast ? (
          <Alert severity={toast.severity} variant="filled" onClose={() => setDismissedId(toast.id)} slotProps={{ closeButton: { 'aria-label': t('notifications.close') } }}>
            {toast.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
