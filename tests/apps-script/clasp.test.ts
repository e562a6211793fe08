import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// clasp pushes dist/apps-script as it is (clasp 3 compiles nothing): exactly the bundle and its
// manifest must go, and never a TypeScript source or a test.
describe('what clasp would push', () => {
  it('is exactly Code.js and appsscript.json', () => {
    const status = JSON.parse(execFileSync('npx', ['--no-install', 'clasp', 'status', '--json'], { encoding: 'utf8', timeout: 60_000 }));
    expect([...status.filesToPush].sort()).toEqual(['dist/apps-script/Code.js', 'dist/apps-script/appsscript.json']);
  }, 60_000);

  it('has a manifest for the V8 runtime with explicit, narrow scopes', () => {
    const manifest = JSON.parse(readFileSync('dist/apps-script/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Karachi');
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes) {
      // Reading people's mail is never needed: MailApp's send-only scope suffices.
      expect(scope).not.toMatch(/mail\.google\.com|gmail/);
    }
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });
});
