// Formats shared by every feature that writes documents for people: CSV and print-document HTML.
export { csvCell, csvLine, csvDocument, type CsvDocumentOptions } from './csv';
export { escapeHtml } from './html';
