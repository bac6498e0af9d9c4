// Placeholder until the visitor log lands.
export { VisitorsScreen } from './VisitorsScreen';
