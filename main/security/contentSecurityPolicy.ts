// Electron security checklist #7 "Define a Content Security Policy". The builder lives in shared/ so the
// browser preview's server sends the very same policy; main sends it from the app:// handler.
export { buildContentSecurityPolicy, sipConnectSources } from '@shared/security/contentSecurityPolicy';
