import { hash, verify } from '@node-rs/argon2';
import { AppError } from './errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. `algorithm: 2` is Argon2id (a const enum
// that isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified for unknown users so timing does not reveal who exists. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
};

const COMMON = new Set([
  '1234567890',
  '12345678910',
  'password123',
  'password1234',
  'qwertyuiop',
  'iloveyou123',
  'admin12345',
  'abcdefghij',
  '1qaz2wsx3edc',
  'a123456789',
]);

/** Throws VALIDATION_FAILED naming `field` when the password is too weak. */
export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  if (password.length < 10)
    throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'password.tooShort' } });
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || lower === email.toLowerCase() || /^(.)\1+$/.test(password)) {
    throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'password.tooWeak' } });
  }
}
