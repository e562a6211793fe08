import { findCil, registeredCils, type RegisteredCil } from '../cil-registry';
import { openCil, type OpenCil } from '../cil/open-cil';
import { requireLead } from '../deployment-admin';

// Which CIL the card is about, outside a CIL's spreadsheet: the CILs whose Settings list the person
// among their "Lead emails", and of those the one they last chose. Finding them opens each CIL's
// spreadsheet, so the answer is kept in the person's cache for a while, and the search stops well
// inside the 30 seconds a card may take when a deployment serves many CILs.

/** The CIL the person last opened on the card (their user property). */
const CHOSEN_PROPERTY = 'card:cilId';
const LED_CACHE_KEY = 'card:ledCils';
/** A lead added to Settings sees their CIL on the card within this time. */
const LED_CACHE_SECONDS = 600;
/** Time the search for a person's CILs may take before it stops with what it found. */
const LOOKUP_BUDGET_MS = 12_000;

export interface LedCils {
  /** The person's address; '' when Google does not say who they are. */
  email: string;
  cils: RegisteredCil[];
  /** False when the search ran out of time before looking at every CIL. */
  complete: boolean;
  /** The CILs the search opened, by id, so the card shows one without opening it again. */
  opened: Map<string, OpenCil>;
}

function cachedIds(cache: GoogleAppsScript.Cache.Cache | null): string[] | null {
  const text = cache?.get(LED_CACHE_KEY);
  if (text === null || text === undefined) return null;
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : null;
  } catch {
    return null;
  }
}

/** The CIL, open; null when the person cannot open its spreadsheet or its Settings do not read (then it is not counted as theirs). */
function opened(registered: RegisteredCil): OpenCil | null {
  try {
    return openCil(registered.id);
  } catch {
    return null;
  }
}

export function ledCils(): LedCils {
  const email = Session.getActiveUser().getEmail().trim().toLowerCase();
  const found: LedCils = { email, cils: [], complete: true, opened: new Map() };
  if (email === '') return found;
  const registry = registeredCils();
  const cache = CacheService.getUserCache();
  const ids = cachedIds(cache);
  if (ids !== null) return { ...found, cils: registry.filter((cil) => ids.includes(cil.id)) };
  const started = Date.now();
  for (const registered of registry) {
    if (Date.now() - started > LOOKUP_BUDGET_MS) return { ...found, complete: false };
    const cil = opened(registered);
    if (!cil?.settings.leadEmails.includes(email)) continue;
    found.cils.push(registered);
    found.opened.set(registered.id, cil);
  }
  cache?.put(LED_CACHE_KEY, JSON.stringify(found.cils.map((cil) => cil.id)), LED_CACHE_SECONDS);
  return found;
}

/** The CIL of the person's choice among `led`: the one they chose last, or the only one. */
export function chosenAmong(led: readonly RegisteredCil[]): RegisteredCil | null {
  const chosen = PropertiesService.getUserProperties().getProperty(CHOSEN_PROPERTY);
  return led.find((cil) => cil.id === chosen) ?? (led.length === 1 ? led[0]! : null);
}

export function rememberChoice(cilId: string): void {
  PropertiesService.getUserProperties().setProperty(CHOSEN_PROPERTY, cilId);
}

/**
 * The CIL a card button names, open, once the caller is found to lead it; every card action taking a
 * cilId starts here, before it changes anything, since anyone can call an entry point with a forged
 * event. A CIL removed since the card was built is said plainly.
 */
export function cilNamed(cilId: string): OpenCil {
  const cil = findCil(cilId) === null ? null : openCil(cilId);
  if (!cil) throw new Error(`The CIL "${cilId}" is no longer set up in this deployment. Reopen CIL Hub to choose another.`);
  requireLead(cil);
  return cil;
}
