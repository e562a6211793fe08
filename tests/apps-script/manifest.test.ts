import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import * as entryPoints from '../../apps-script/src/main';
import { builtBundle } from './built-bundle';

// The built appsscript.json: the scopes it asks a lead to grant, each for a reason in manifest.ts, and
// the Workspace add-on it declares (the homepage card in Sheets, Drive and Calendar).

const manifest = JSON.parse(readFileSync('dist/apps-script/appsscript.json', 'utf8'));
const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;

describe('the manifest', () => {
  it('asks for exactly these scopes, none of them Gmail', () => {
    expect(manifest.oauthScopes).toEqual([
      scope('spreadsheets'),
      scope('drive'),
      scope('drive.file'),
      scope('documents'),
      scope('script.send_mail'),
      scope('script.scriptapp'),
      scope('script.container.ui'),
      scope('userinfo.email'),
      scope('calendar.addons.execute'),
    ]);
  });

  it('declares the Workspace add-on: its name, logo, homepage and the links it opens, in Sheets, Drive and Calendar', () => {
    expect(manifest.addOns).toEqual({
      common: {
        name: 'CIL Hub',
        logoUrl: expect.stringMatching(/^https:\/\//),
        homepageTrigger: { runFunction: 'onHomepage', enabled: true },
        // Google's rules for a prefix: https, a full domain, a non-empty path.
        openLinkUrlPrefixes: [expect.stringMatching(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/.+/)],
      },
      sheets: { onFileScopeGrantedTrigger: { runFunction: 'onFileScopeGranted' } },
      drive: {},
      calendar: {},
    });
  });

  it('names only entry points of the bundle as triggers', () => {
    const named = [manifest.addOns.common.homepageTrigger.runFunction, manifest.addOns.sheets.onFileScopeGrantedTrigger.runFunction];
    for (const name of named) {
      expect(builtBundle().entryPoints).toContain(name);
      expect(Object.keys(entryPoints)).toContain(name);
    }
  });
});
