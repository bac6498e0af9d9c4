// The feature strings given at start (localeRegistry.ts `featureLocales`) in zh-TW: one chunk, loaded when the
// desk uses zh-TW (at start or on a switch), never with a desk that works in the default language.
import badges from '../../features/badges/strings/zh-TW';
import rollcall from '../../features/rollcall/strings/zh-TW';
import complaints from '../../features/complaints/strings/zh-TW';
import dashboard from '../../features/dashboard/strings/zh-TW';
import signin from '../../features/signin/strings/zh-TW';
import callnotes from '../../features/callnotes/strings/zh-TW';
import messages from '../../features/messages/strings/zh-TW';
import equipment from '../../features/equipment/strings/zh-TW';

export default { badges, rollcall, complaints, dashboard, signin, callnotes, messages, equipment };
