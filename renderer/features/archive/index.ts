export { ArchiveScreen } from './ArchiveScreen';
