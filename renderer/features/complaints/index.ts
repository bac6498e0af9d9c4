export { ComplaintsPanel } from './ComplaintsPanel';
