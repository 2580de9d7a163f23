import type { ComponentType } from 'react';
import type { Permission } from '../../shared/auth/permissions';
import { AuditLogScreen } from '../advanced/AuditLog/AuditLogScreen';
import { DecodeTokenScreen } from '../advanced/DecodeToken/DecodeTokenScreen';
import { LoginHistoryScreen } from '../advanced/LoginHistory/LoginHistoryScreen';
import { RolloverScreen } from '../advanced/Rollover/RolloverScreen';
import {
  ClearCreditScreen, ClearTamperScreen, KeyChangeScreen, MeterTestScreen, SetMaxOverdraftScreen, SetMaxPowerScreen,
} from '../advanced/ManagementAction/ManagementActionScreen';
import {
  ClearCreditRecordScreen, ClearTamperRecordScreen, KeyChangeRecordScreen, MeterTestRecordScreen, SetMaxOverdraftRecordScreen,
  SetMaxPowerRecordScreen,
} from '../advanced/ManagementRecords/ManagementRecordsScreen';
import { SettingsScreen } from '../advanced/Settings/SettingsScreen';
import { VendingKeysScreen } from '../advanced/VendingKeys/VendingKeysScreen';
import { AccountLibraryScreen } from '../library/AccountLibrary/AccountLibraryScreen';
import { CustomerLibraryScreen } from '../library/CustomerLibrary/CustomerLibraryScreen';
import { DistrictLibraryScreen } from '../library/DistrictLibrary/DistrictLibraryScreen';
import { MeterLibraryScreen } from '../library/MeterLibrary/MeterLibraryScreen';
import { PriceLibraryScreen } from '../library/PriceLibrary/PriceLibraryScreen';
import { StationLibraryScreen } from '../library/StationLibrary/StationLibraryScreen';
import { LoginPasswordChangeScreen } from '../password/LoginPasswordChange/LoginPasswordChangeScreen';
import { RoleManagementScreen } from '../password/RoleManagement/RoleManagementScreen';
import { UserManagementScreen } from '../password/UserManagement/UserManagementScreen';
import { VendPasswordChangeScreen } from '../password/VendPasswordChange/VendPasswordChangeScreen';
import { RecordScreen } from '../top-up/Record/RecordScreen';
import { TopUpScreen } from '../top-up/TopUp/TopUpScreen';
import type { CentreId, CentreInfo, ScreenInfo } from './shell-state';

/**
 * The one place centres and their screens are registered. The top bar shows a centre only when it has a screen the
 * operator may open, so a centre appears with the issue that gives it its first screen: Top-up (V1), Library (L1,
 * L2), Report (R1) and Password (S1) add their entries here. Quit Center is not a centre of screens; the shell
 * always shows it last.
 */
export interface ScreenProps {
  /** True while the screen's tab is in front; screens stay mounted (and keep their state) when it is not. */
  active: boolean;
}

export interface CentreDefinition extends CentreInfo {
  /** A short glyph for the navigation, read by no one: the title is the accessible name. */
  readonly icon: string;
}

export interface ScreenDefinition extends ScreenInfo {
  readonly icon: string;
  readonly permission: Permission | null;
  readonly component: ComponentType<ScreenProps>;
}

/** In the seed's order: Top-up Center, Library Center, Advanced Center, Report Center, Password Center. */
export const CENTRES: readonly CentreDefinition[] = [
  { id: 'top-up', title: 'Top-up Center', icon: '⚡' },
  { id: 'library', title: 'Library Center', icon: '▤' },
  { id: 'advanced', title: 'Advanced Center', icon: '✦' },
  { id: 'report', title: 'Report Center', icon: '▥' },
  { id: 'password', title: 'Password Center', icon: '⚿' },
];

export const SCREENS: readonly ScreenDefinition[] = [
  // V2: the Top-up Center (Money, Unit and Refresh are on its screen, as the seed's left navigation) and Record.
  { id: 'top-up.vend', centre: 'top-up', title: 'Top-up', icon: '⚡', permission: 'vend', component: TopUpScreen },
  { id: 'top-up.record', centre: 'top-up', title: 'Record', icon: '☰', permission: 'records.view', component: RecordScreen },
  { id: 'library.meters', centre: 'library', title: 'Meter Library', icon: '▦', permission: 'meters.view', component: MeterLibraryScreen },
  { id: 'library.prices', centre: 'library', title: 'Price Library', icon: '¤', permission: 'prices.view', component: PriceLibraryScreen },
  // L2: in the seed overview's order.
  { id: 'library.customers', centre: 'library', title: 'Customer Library', icon: '☺', permission: 'customers.view', component: CustomerLibraryScreen },
  { id: 'library.districts', centre: 'library', title: 'District Library', icon: '⌂', permission: 'districts.view', component: DistrictLibraryScreen },
  { id: 'library.stations', centre: 'library', title: 'Sales Station Library', icon: '▣', permission: 'stations.view', component: StationLibraryScreen },
  { id: 'library.accounts', centre: 'library', title: 'Account Library', icon: '⚯', permission: 'accounts.view', component: AccountLibraryScreen },
  { id: 'advanced.settings', centre: 'advanced', title: 'Settings', icon: '⚙', permission: 'settings.edit', component: SettingsScreen },
  // S1: the seed puts Login History in the Advanced Center; the audit log and the vending keys sit beside it.
  { id: 'advanced.audit', centre: 'advanced', title: 'Audit Log', icon: '☰', permission: 'audit.view', component: AuditLogScreen },
  { id: 'advanced.keys', centre: 'advanced', title: 'Vending Keys', icon: '⚷', permission: 'keys.manage', component: VendingKeysScreen },
  // A1: the seed's "Functions in Advanced Center" (each action beside its Record screen), the decoder and Login History.
  { id: 'advanced.setMaxOverdraft', centre: 'advanced', title: 'Set Max Overdraft', icon: '±', permission: 'advanced.setMaxOverdraft', component: SetMaxOverdraftScreen },
  { id: 'advanced.setMaxOverdraftRecord', centre: 'advanced', title: 'Set Max Overdraft Record', icon: '☰', permission: 'advanced.records', component: SetMaxOverdraftRecordScreen },
  { id: 'advanced.clearCredit', centre: 'advanced', title: 'Clear Credit', icon: '∅', permission: 'advanced.clearCredit', component: ClearCreditScreen },
  { id: 'advanced.clearCreditRecord', centre: 'advanced', title: 'Clear Credit Record', icon: '☰', permission: 'advanced.records', component: ClearCreditRecordScreen },
  { id: 'advanced.clearTamper', centre: 'advanced', title: 'Clear Tamper', icon: '⚠', permission: 'advanced.clearTamper', component: ClearTamperScreen },
  { id: 'advanced.clearTamperRecord', centre: 'advanced', title: 'Clear Tamper Record', icon: '☰', permission: 'advanced.records', component: ClearTamperRecordScreen },
  { id: 'advanced.setMaxPower', centre: 'advanced', title: 'Set Max Power', icon: 'W', permission: 'advanced.setMaxPower', component: SetMaxPowerScreen },
  { id: 'advanced.setMaxPowerRecord', centre: 'advanced', title: 'Set Max Power Record', icon: '☰', permission: 'advanced.records', component: SetMaxPowerRecordScreen },
  { id: 'advanced.keyChange', centre: 'advanced', title: 'Key Change', icon: '⚿', permission: 'advanced.keyChange', component: KeyChangeScreen },
  { id: 'advanced.rollover', centre: 'advanced', title: 'Key Change Roll-over', icon: '↻', permission: 'advanced.keyChange', component: RolloverScreen },
  { id: 'advanced.keyChangeRecord', centre: 'advanced', title: 'Key Change Record', icon: '☰', permission: 'advanced.records', component: KeyChangeRecordScreen },
  { id: 'advanced.meterTest', centre: 'advanced', title: 'Meter Test', icon: '✓', permission: 'advanced.testToken', component: MeterTestScreen },
  { id: 'advanced.meterTestRecord', centre: 'advanced', title: 'Meter Test Record', icon: '☰', permission: 'advanced.records', component: MeterTestRecordScreen },
  { id: 'advanced.decode', centre: 'advanced', title: 'Decode Token', icon: '⌕', permission: 'tokens.decode', component: DecodeTokenScreen },
  { id: 'advanced.loginHistory', centre: 'advanced', title: 'Login History', icon: '⎆', permission: 'loginHistory.view', component: LoginHistoryScreen },
  // S1: the Password Center as the seed has it: both password changes for everyone, then Role and User Management.
  { id: 'password.vend', centre: 'password', title: 'Vend Password Change', icon: '✱', permission: null, component: VendPasswordChangeScreen },
  { id: 'password.login', centre: 'password', title: 'Login Password Change', icon: '✱', permission: null, component: LoginPasswordChangeScreen },
  { id: 'password.roles', centre: 'password', title: 'Role Management', icon: '◈', permission: 'roles.manage', component: RoleManagementScreen },
  { id: 'password.users', centre: 'password', title: 'User Management', icon: '☺', permission: 'users.manage', component: UserManagementScreen },
];

export function centreById(id: CentreId): CentreDefinition | undefined {
  return CENTRES.find((centre) => centre.id === id);
}

export function screenById(id: string): ScreenDefinition | undefined {
  return SCREENS.find((screen) => screen.id === id);
}
