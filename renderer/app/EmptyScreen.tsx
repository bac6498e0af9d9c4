import { Box, Typography } from '@mui/material';
import InboxIcon from '@mui/icons-material/Inbox';

/** What a screen shows before its feature has content: says what will be there, never filler text. */
export function EmptyScreen({ title, description }: { title: string; description: string }) {
  return (
    <Box component="section" aria-labelledby="screen-title" sx={{ p: 4 }}>
      <Typography id="screen-title" variant="h5" component="h1" gutterBottom>{title}</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', color: 'text.secondary', maxWidth: 720, mt: 3 }}>
        <InboxIcon aria-hidden sx={{ fontSize: 40 }} />
        <Typography>{description}</Typography>
      </Box>
    </Box>
  );
}
