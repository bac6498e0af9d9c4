import { fileURLToPath } from 'node:url';

/** Where buildAgentPage() puts the bundled sip.js test-agent page (built once in the global setup). */
export const AGENT_DIST_DIR = fileURLToPath(new URL('../lab/agent/dist', import.meta.url));

/** Port of the built renderer during e2e runs (E2E_PORT lets parallel runs use their own). */
export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 4319);
}
