import { fileURLToPath } from 'node:url';

/** Where buildAgentPage() puts the bundled sip.js test-agent page (built once in the global setup). */
export const AGENT_DIST_DIR = fileURLToPath(new URL('../lab/agent/dist', import.meta.url));
