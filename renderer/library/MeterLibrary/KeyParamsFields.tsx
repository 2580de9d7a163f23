import { SelectField, TextField } from '../../components/Fields';
import { BASE_YEARS, ENCRYPTION_ALGORITHMS, KEY_DERIVATIONS, KEY_TYPE_LABEL, KEY_TYPES } from '../../../shared/library/key-params';
import type { FieldErrors, KeyField, KeyFields } from './meter-form';

/** The STS key parameter fields (props only), shared by the New/Edit dialog and the batch range dialog. */
export function KeyParamsFields({ idPrefix, keys, errors, onChange, disabled }: Readonly<{
  idPrefix: string;
  keys: KeyFields;
  errors: FieldErrors<KeyField>;
  onChange: (patch: Partial<KeyFields>) => void;
  disabled?: boolean;
}>) {
  return (
    <>
      <TextField id={`${idPrefix}-sgc`} label="SGC (supply group code)" value={keys.sgc} onChange={(sgc) => onChange({ sgc })} error={errors.sgc} inputMode="numeric" maxLength={6} disabled={disabled} />
      <TextField id={`${idPrefix}-ti`} label="TI (tariff index)" value={keys.ti} onChange={(ti) => onChange({ ti })} error={errors.ti} inputMode="numeric" maxLength={2} disabled={disabled} />
      <TextField id={`${idPrefix}-krn`} label="KRN (key revision)" value={keys.krn} onChange={(krn) => onChange({ krn })} error={errors.krn} inputMode="numeric" maxLength={1} disabled={disabled} />
      <SelectField
        id={`${idPrefix}-key-type`}
        label="Key type"
        value={keys.keyType}
        onChange={(keyType) => onChange({ keyType })}
        options={KEY_TYPES.map((t) => ({ value: String(t), label: KEY_TYPE_LABEL[t] }))}
        error={errors.keyType}
        disabled={disabled}
      />
      <SelectField
        id={`${idPrefix}-dkga`}
        label="Key derivation"
        value={keys.dkga}
        onChange={(dkga) => onChange({ dkga })}
        options={KEY_DERIVATIONS.map((d) => ({ value: d, label: d }))}
        error={errors.dkga}
        disabled={disabled}
      />
      <SelectField
        id={`${idPrefix}-algorithm`}
        label="Algorithm"
        value={keys.algorithm}
        onChange={(algorithm) => onChange({ algorithm })}
        options={ENCRYPTION_ALGORITHMS.map((a) => ({ value: a, label: a }))}
        error={errors.algorithm}
        disabled={disabled}
      />
      <SelectField
        id={`${idPrefix}-base-date`}
        label="Base date"
        value={keys.baseYear}
        onChange={(baseYear) => onChange({ baseYear })}
        options={BASE_YEARS.map((y) => ({ value: String(y), label: String(y) }))}
        error={errors.baseYear}
        hint="TIDs count minutes from this date; new meters use 2014."
        disabled={disabled}
      />
    </>
  );
}
