/**
 * The password policy: the seed asks for numbers, letters and special symbols; we add a minimum length of 8.
 * Returns the sentence to show, or null when the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 8;

/** Passwords refused whatever else holds: the vendor's reset default and the most common choices. */
const BLOCKLIST = new Set(['123456', '12345678', 'password', 'password1!', 'admin123!', 'p@ssw0rd', 'qwerty123!']);

export function passwordPolicyProblem(password: string, context: { userId?: string } = {}): string | null {
  if (BLOCKLIST.has(password.toLowerCase())) return 'This password is too common. Choose another one.';
  if (context.userId !== undefined && password.toLowerCase() === context.userId.toLowerCase()) {
    return 'The password must not be the user id.';
  }
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (!/\p{L}/u.test(password)) return 'The password must contain at least one letter.';
  if (!/\p{N}/u.test(password)) return 'The password must contain at least one number.';
  if (!/[^\p{L}\p{N}]/u.test(password)) return 'The password must contain at least one special symbol, such as # or !.';
  return null;
}
