// The "rows with problems" table every CSV import preview shows (directory, expected visitors, …):
// row number, field, reason and the value as read. The caller translates field names and reasons.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

export interface ImportProblemRow {
  rowNumber: number;
  field: string;
  reason: string;
  value?: string;
}

export interface ImportProblemsTableProps {
  id: string;
  title: string;
  headers: { row: string; field: string; reason: string; value: string };
  problems: ImportProblemRow[];
  /** Rows shown at most; the rest are summarised by `more(count)`. */
  limit: number;
  more: (count: number) => string;
}

export function ImportProblemsTable({ id, title, headers, problems, limit, more }: ImportProblemsTableProps) {
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 2 }}>
      <Typography id={id} variant="subtitle1" component="h3">{title}</Typography>
      <Table size="small" aria-labelledby={id}>
        <TableHead>
          <TableRow>
            <TableCell>{headers.row}</TableCell>
            <TableCell>{headers.field}</TableCell>
            <TableCell>{headers.reason}</TableCell>
            <TableCell>{headers.value}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.slice(0, limit).map((p, i) => (
            <TableRow key={`${p.rowNumber}-${p.field}-${i}`}>
              <TableCell>{p.rowNumber}</TableCell>
              <TableCell>{p.field}</TableCell>
              <TableCell>{p.reason}</TableCell>
              <TableCell>{p.value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {problems.length > limit && <Typography variant="body2">{more(problems.length - limit)}</Typography>}
    </Box>
  );
}
