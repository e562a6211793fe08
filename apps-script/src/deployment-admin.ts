import type { OpenCil } from './cil/open-cil';

// Who may do what in a deployment. Every entry point runs as the person who calls it, and
// google.script.run from any CIL Hub sidebar can call any of them with any arguments, so the checks
// live here, in the entry points, not in which buttons a card shows.
//
// The admin is the account that first set up a CIL (or the national rollup) here. Triggers and mail
// belong to one account: the daily check sends every CIL's email from its owner's Gmail and under
// their quota, so only the admin turns the schedule on or off, sends deferred emails and runs the
// national rollup. A second account's schedule would send every CIL's mail from that person's Gmail.
//
// A lead is an address in the CIL's Settings "Lead emails"; the admin counts as a lead of every CIL.

const ADMIN_PROPERTY = 'deployment:admin';

/** The caller's address, lower case; '' when Google does not say. */
export function callerEmail(): string {
  return Session.getEffectiveUser().getEmail().trim().toLowerCase();
}

/** The admin's address; null until someone set up a CIL or the national rollup. */
export function deploymentAdmin(): string | null {
  return PropertiesService.getScriptProperties().getProperty(ADMIN_PROPERTY);
}

/** Makes the caller the admin when the deployment has none yet (a setup's first step). */
export function claimAdmin(): void {
  const me = callerEmail();
  if (me !== '' && deploymentAdmin() === null) PropertiesService.getScriptProperties().setProperty(ADMIN_PROPERTY, me);
}

export function isAdmin(): boolean {
  return adminSeen().isAdmin;
}

/** The admin, and whether the caller is them (two calls), for a card that shows both. */
export function adminSeen(): { admin: string | null; isAdmin: boolean } {
  const me = callerEmail();
  const admin = deploymentAdmin();
  return { admin, isAdmin: me !== '' && me === admin };
}

/**
 * Throws unless the caller is the admin. A deployment set up before there was an admin has none:
 * its first admin-only action, like a setup, makes the caller the admin.
 */
export function requireAdmin(what: string): void {
  const me = callerEmail();
  const properties = PropertiesService.getScriptProperties();
  let admin = properties.getProperty(ADMIN_PROPERTY);
  if (admin === null && me !== '') {
    properties.setProperty(ADMIN_PROPERTY, me);
    admin = me;
  }
  if (me !== '' && me === admin) return;
  throw new Error(`Only ${admin ?? 'the account that set up this deployment'}, who runs this CIL Hub deployment, can ${what}. Nothing was changed.`);
}

/** Whether the caller is among the CIL's lead emails, or the admin. */
export function leadsCil(cil: OpenCil): boolean {
  const me = callerEmail();
  return me !== '' && (cil.settings.leadEmails.some((email) => email.toLowerCase() === me) || me === deploymentAdmin());
}

export function requireLead(cil: OpenCil): void {
  if (!leadsCil(cil)) {
    throw new Error(`Only the leads of ${cil.settings.cilName} (the "Lead emails" in its Settings tab) can do this. Nothing was changed.`);
  }
}
