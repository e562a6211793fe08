import { defineManifest } from '@crxjs/vite-plugin';
import packageJson from '../package.json' with { type: 'json' };

// Least privilege, asserted against the built manifest by tests/extension/manifest.test.ts:
// - permissions: `storage` (enrollment, settings), `alarms` (periodic sync) and `notifications`
//   (reminders);
// - host access: Meet and Calendar (the content scripts) and the Apps Script web app, which answers on
//   script.google.com through a redirect to script.googleusercontent.com (the service worker's fetch
//   follows it, and needs both hosts to read the answer without CORS);
// - loopback only on request: the sandbox backend (`npm start`) serves the web app on 127.0.0.1, and
//   the options page asks for it when an enrollment code names such an address;
// - no content_security_policy: the default forbids remote code and eval.
export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'en',
  version: packageJson.version,
  permissions: ['storage', 'alarms', 'notifications'],
  host_permissions: [
    'https://meet.google.com/*',
    'https://calendar.google.com/*',
    'https://script.google.com/*',
    'https://script.googleusercontent.com/*',
  ],
  optional_host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  background: {
    service_worker: 'background/service-worker.ts',
    type: 'module',
  },
  content_scripts: [
    { matches: ['https://meet.google.com/*'], js: ['content/meet/index.ts'] },
    { matches: ['https://calendar.google.com/*'], js: ['content/calendar/index.ts'] },
    // The page an enrollment email's link opens: the web app's answer, shown by Google on this host.
    { matches: ['https://script.googleusercontent.com/macros/echo*'], js: ['content/enrollment-link.ts'] },
  ],
  action: {
    default_title: '__MSG_extName__',
    default_popup: 'popup/index.html',
  },
  options_ui: {
    page: 'options/index.html',
    open_in_tab: true,
  },
});
