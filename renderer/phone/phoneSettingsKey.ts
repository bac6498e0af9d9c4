// The settings row that holds the desk's phone settings. Its own module: phoneService.ts (on the first
// screen) names it without loading phoneConfiguration.ts, which parses settings with zod and comes with the
// phone's chunk (docs/ARCHITECTURE.md, "Loading").
export const PHONE_SETTINGS_KEY = 'phone';
