/**
 * Playwright global setup for the SIP lab: builds the agent page, starts Kamailio and the static server.
 * Tests get the URLs through process.env (LAB_WS_URL, LAB_PAGE_URL, LAB_UDP_PORT) and, for tools outside
 * the runner, tests/lab/.results/lab-env.json. The returned function is the global teardown: it stops both
 * (Kamailio by PID: SIGTERM, then SIGKILL after a grace period).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAgentPage } from './agent/build';
import { startKamailio } from './kamailioProcess';
import { startStaticServer } from './staticServer';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = await buildAgentPage();
  const pbx = await startKamailio({
    ...(process.env.LAB_WS_PORT ? { wsPort: Number(process.env.LAB_WS_PORT) } : {}),
    ...(process.env.LAB_UDP_PORT_WANTED ? { udpPort: Number(process.env.LAB_UDP_PORT_WANTED) } : {}),
  });
  const web = await startStaticServer({ root });
  process.env.LAB_WS_URL = pbx.wsUrl;
  process.env.LAB_UDP_PORT = String(pbx.udpPort);
  process.env.LAB_PAGE_URL = web.url;
  process.env.LAB_AGENT_DIR = root;
  const envFile = join(here, '.results', 'lab-env.json');
  await mkdir(dirname(envFile), { recursive: true });
  await writeFile(
    envFile,
    JSON.stringify({ wsUrl: pbx.wsUrl, udpPort: pbx.udpPort, pageUrl: web.url, kamailioPid: pbx.pid, workDir: pbx.workDir }, null, 2),
  );
  return async () => {
    await web.close();
    await pbx.stop();
  };
}
