// The bridge's validation (shared/bridge/dispatch.ts over the contract's zod schemas), loaded by the browser
// stand-in on its first call instead of with the first screen (docs/ARCHITECTURE.md, "Loading"). The zod
// settings come first, so no schema parses before them.
import './zodConfig';

export { bindBridgeHandlers } from '@shared/bridge/dispatch';
