// The feature strings given at start (localeRegistry.ts `featureLocales`) in en: one chunk, loaded when the
// desk uses en (at start or on a switch), never with a desk that works in the default language.
import badges from '../../features/badges/strings/en';
import rollcall from '../../features/rollcall/strings/en';
import complaints from '../../features/complaints/strings/en';
import dashboard from '../../features/dashboard/strings/en';
import signin from '../../features/signin/strings/en';
import callnotes from '../../features/callnotes/strings/en';
import messages from '../../features/messages/strings/en';
import equipment from '../../features/equipment/strings/en';

export default { badges, rollcall, complaints, dashboard, signin, callnotes, messages, equipment };
