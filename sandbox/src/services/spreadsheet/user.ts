import { googleErrors, fail } from '../../google-errors';

/** A person as Apps Script hands them out (Spreadsheet.getEditors, Protection.getEditors). */
export class User {
  #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** An email address given as a string or as any service's User object. */
export function emailOf(value: unknown, method: string): string {
  let email: unknown = value;
  if (typeof value === 'object' && value !== null && typeof (value as { getEmail?: unknown }).getEmail === 'function') {
    email = (value as { getEmail(): unknown }).getEmail();
  }
  if (typeof email !== 'string') fail(googleErrors.signatureMismatch([value], method));
  if (!EMAIL.test(email)) fail(googleErrors.invalidEmail(email));
  return email;
}
