import { describe, expect, it } from 'vitest';
import { checkFirstPasswords, checkNewPassword, EMPTY_FIRST_PASSWORDS } from '../../../../renderer/password/password-form';
import { checkRoleForm, newRoleForm, roleFormOf, setGroup, togglePermission } from '../../../../renderer/password/RoleManagement/role-form';
import { checkUserForm, newUserForm, userStatus } from '../../../../renderer/password/UserManagement/user-form';
import { checkKeyForm, EMPTY_KEY_FORM } from '../../../../renderer/advanced/VendingKeys/key-form';

describe('the password change forms', () => {
  it('name the field at fault before anything is sent', () => {
    expect(checkNewPassword({ current: '', next: '', confirm: '' }, 'password', 'Julia08')).toEqual({ current: 'Type your current password.', next: 'Type the new password.' });
    expect(checkNewPassword({ current: 'Old#2026pw', next: '123456', confirm: '123456' }, 'password', 'Julia08').next).toBe('This password is too common. Choose another one.');
    expect(checkNewPassword({ current: 'Old#2026pw', next: 'Old#2026pw', confirm: 'Old#2026pw' }, 'vend password', 'x').next).toBe('The new vend password must differ from the current one.');
    expect(checkNewPassword({ current: 'Old#2026pw', next: 'New#2026pw', confirm: 'New#2026px' }, 'password', 'x')).toEqual({ confirm: 'The two new passwords differ. Type the same one twice.' });
    expect(checkNewPassword({ current: 'Old#2026pw', next: 'New#2026pw', confirm: 'New#2026pw' }, 'password', 'x')).toEqual({});
  });

  it('ask for the temporary password and two different new passwords at the forced change', () => {
    expect(Object.keys(checkFirstPasswords(EMPTY_FIRST_PASSWORDS, 'u'))).toEqual(['temporary', 'login', 'vend']);
    const same = checkFirstPasswords({ temporary: 'Abcd-Efgh-Jkmn', login: 'Same#2026pw', loginConfirm: 'Same#2026pw', vend: 'Same#2026pw', vendConfirm: 'Same#2026pw' }, 'u');
    expect(same).toEqual({ vend: 'The vend password must differ from the login password.' });
    const temporary = checkFirstPasswords({ temporary: 'Abcd#Efgh-123', login: 'Abcd#Efgh-123', loginConfirm: 'Abcd#Efgh-123', vend: 'Vend#2026pw', vendConfirm: 'Vend#2026pw' }, 'u');
    expect(temporary.login).toBe('The new login password must differ from the temporary password.');
  });
});

describe('the role form', () => {
  it('keeps the seed ids and Unicode names and switches whole groups', () => {
    let form = newRoleForm();
    expect(checkRoleForm(form)).toEqual({ ok: false, errors: { code: 'Type the role id, for example OnlyVending.', name: 'Type the role name.' } });
    form = setGroup({ ...form, code: ' 0001 ', name: '员工' }, ['vend', 'reprint'], true);
    form = togglePermission(form, 'reprint', false);
    expect(checkRoleForm(form)).toEqual({ ok: true, create: { code: '0001', name: '员工', permissions: ['vend'] }, update: null });
  });

  it('opens built-in roles read-only and edits others by id and version', () => {
    const row = { id: 'r1', code: 'Cash', name: 'Cashiers', builtIn: false, permissions: ['vend'], admin: false, userCount: 1, activeUserCount: 1, version: 3, updatedAt: '' };
    expect(roleFormOf({ ...row, builtIn: true }).mode).toBe('view');
    expect(checkRoleForm(roleFormOf(row))).toEqual({ ok: true, create: null, update: { id: 'r1', version: 3, name: 'Cashiers', permissions: ['vend'] } });
  });
});

describe('the user form', () => {
  it('checks the id, name, phone and role like the main side', () => {
    expect(checkUserForm({ ...newUserForm(''), loginId: 'Julia 08', phone: 'abc' })).toEqual({
      ok: false,
      errors: { loginId: 'Use up to 40 letters, numbers and _ . @ - for the user id.', name: 'Type the name.', phone: 'Use digits, spaces and + ( ) - only for the phone.', roleId: 'Choose the role.' },
    });
    expect(checkUserForm({ ...newUserForm('role-1'), loginId: '009', name: 'Allen', phone: '18888888888' })).toMatchObject({ ok: true, create: { loginId: '009', roleId: 'role-1', active: true } });
  });

  it('says what is wrong with a user in the Status column', () => {
    const row = { id: 'u', loginId: 'x', name: 'X', phone: '', roleId: 'r', roleCode: 'R', roleName: 'R', active: true, mustChangePassword: true, temporaryPasswordExpiresAt: null, loginLocked: true, vendLocked: true, version: 1, updatedAt: '' };
    expect(userStatus(row)).toBe('Login locked, Vend password locked, Must choose passwords');
    expect(userStatus({ ...row, mustChangePassword: false, loginLocked: false, vendLocked: false })).toBe('');
  });
});

describe('the vending key form', () => {
  it('wants 16 hex digits for DKGA02 and 40 for DKGA04, spaces allowed', () => {
    expect(checkKeyForm({ ...EMPTY_KEY_FORM, sgc: '12345', keyHex: 'ABAB' })).toEqual({
      ok: false,
      errors: { sgc: 'The supply group code (SGC) is exactly 6 digits.', keyHex: 'A DKGA02 vending key is 16 hexadecimal digits; this one has 4.' },
    });
    expect(checkKeyForm({ ...EMPTY_KEY_FORM, sgc: '123456', keyHex: 'ABAB ABAB ABAB ABAB' })).toEqual({
      ok: true,
      input: { sgc: '123456', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: 'ABABABABABABABAB' },
    });
    expect(checkKeyForm({ ...EMPTY_KEY_FORM, sgc: '123456', dkga: 'DKGA04', keyHex: 'ZZ'.repeat(20) })).toMatchObject({ ok: false, errors: { keyHex: 'Type the key in hexadecimal digits (0-9, A-F).' } });
  });
});
