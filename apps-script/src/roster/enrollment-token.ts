// Enrollment tokens: 244 random bits (two version-4 UUIDs, which Apps Script draws from a secure
// generator), handed to the volunteer once and kept only as a SHA-256 hash.

const hex = (bytes: readonly number[]) => bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');

export function newEnrollmentToken(): string {
  return (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '');
}

/** Lower-case hex SHA-256, as stored in the Volunteers tab's "Token hash" column. */
export function tokenHash(token: string): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8));
}
