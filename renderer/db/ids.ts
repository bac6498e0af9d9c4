// Primary keys are ULIDs made on the desk: unique without a central counter (several desks will
// replicate one log), and sortable by creation time. The monotonic factory keeps ids made within the
// same millisecond in order.
import { monotonicFactory } from 'ulid';

const factory = monotonicFactory();

export function newId(at: number = Date.now()): string {
  return factory(at);
}
