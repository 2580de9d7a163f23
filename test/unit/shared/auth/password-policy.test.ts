import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordPolicyProblem } from '../../../../shared/auth/password-policy';

describe('the password policy (numbers, letters and special symbols, at least 8 characters)', () => {
  it('accepts a password with all three kinds and enough length', () => {
    expect(passwordPolicyProblem('Admin#2026x')).toBeNull();
    expect(passwordPolicyProblem('Cashier#2026')).toBeNull();
    expect(passwordPolicyProblem('员工密码#2026')).toBeNull();
  });

  it('names what is missing', () => {
    expect(passwordPolicyProblem('Ab#1')).toBe(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
    expect(passwordPolicyProblem('12345678#')).toBe('The password must contain at least one letter.');
    expect(passwordPolicyProblem('Password#')).toBe('The password must contain at least one number.');
    expect(passwordPolicyProblem('Password1')).toBe('The password must contain at least one special symbol, such as # or !.');
  });

  it("refuses the vendor's reset default and common passwords, and the user's own id", () => {
    expect(passwordPolicyProblem('123456')).toBe('This password is too common. Choose another one.');
    expect(passwordPolicyProblem('P@ssw0rd')).toBe('This password is too common. Choose another one.');
    expect(passwordPolicyProblem('Raymond#01', { userId: 'raymond#01' })).toBe('The password must not be the user id.');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordPolicyProblem('密码#1密码#1')).toBeNull();
    expect(passwordPolicyProblem('😀😀😀#1a')).toBe(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  });
});
