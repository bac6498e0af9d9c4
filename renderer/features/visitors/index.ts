// The visitor log (来访登记): registration, returning visitors, pre-registration, on-site board and
// check-out, host notification and the watchlist.
export { VisitorsScreen } from './VisitorsScreen';
