import { defineManifest } from '@crxjs/vite-plugin';
import packageJson from '../package.json' with { type: 'json' };

// Least privilege: `storage` (enrollment, settings) and `alarms` (periodic sync) only. Host access for
// Meet, Calendar and the CIL's web app is added with the features that need it.
export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'en',
  version: packageJson.version,
  permissions: ['storage', 'alarms'],
  background: {
    service_worker: 'background/service-worker.ts',
    type: 'module',
  },
  action: {
    default_title: '__MSG_extName__',
    default_popup: 'popup/index.html',
  },
  options_ui: {
    page: 'options/index.html',
    open_in_tab: true,
  },
});
