export { SwitchboardNotes } from './SwitchboardNotes';
export { CallsWithoutNote } from './CallsWithoutNote';
export { noteSession } from './noteSession';
