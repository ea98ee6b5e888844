import { Loader, Select, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';
import { IconPencil } from './icons.tsx';
import classes from './inline-field.module.css';

export type EditorProps<T> = {
  value: T;
  onChange: (value: T) => void;
  /** Saves; pass a value to save it directly (for selects and switches). */
  commit: (value?: T) => void;
  cancel: () => void;
  label: string;
  error: string | null;
  onKeyDown: (e: KeyboardEvent) => void;
};

type InlineFieldProps<T> = {
  label: string;
  value: T;
  display: ReactNode;
  isEmpty: boolean;
  readOnly?: boolean;
  onSave: (value: T) => Promise<void>;
  renderEditor: (p: EditorProps<T>) => ReactNode;
  /** Compare to skip a save when nothing changed. */
  equals?: (a: T, b: T) => boolean;
};

/** Click to edit; Enter or leaving the field saves, Escape cancels. */
export function InlineField<T>(props: InlineFieldProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<T>(props.value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const start = () => {
    if (props.readOnly) return;
    setDraft(props.value);
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    busy.current = false;
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };
  const commit = async (value?: T) => {
    if (busy.current) return;
    const next = value === undefined ? draft : value;
    const same = props.equals ? props.equals(next, props.value) : Object.is(next, props.value);
    if (same) return cancel();
    busy.current = true;
    setSaving(true);
    try {
      await props.onSave(next);
      setEditing(false);
      setError(null);
      requestAnimationFrame(() => buttonRef.current?.focus());
    } catch (e) {
      setError(e instanceof Error && !('status' in e) ? e.message : errorMessage(e, t));
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement && !e.metaKey && !e.ctrlKey)) {
      e.preventDefault();
      void commit();
    }
  };

  return (
    <div className={classes.field}>
      <div className={classes.label}>{props.label}</div>
      {editing ? (
        <div style={{ position: 'relative' }}>
          {props.renderEditor({
            value: draft,
            onChange: setDraft,
            commit: (v) => void commit(v),
            cancel,
            label: props.label,
            error,
            onKeyDown,
          })}
          {saving && <Loader size={14} style={{ position: 'absolute', right: -22, top: 10 }} />}
        </div>
      ) : props.readOnly ? (
        <div className={classes.value}>
          {props.isEmpty ? <span className={classes.empty}>—</span> : props.display}
        </div>
      ) : (
        <UnstyledButton
          ref={buttonRef}
          className={classes.value}
          onClick={start}
          aria-label={t('inline.edit', { field: props.label })}
        >
          <span>
            {props.isEmpty ? <span className={classes.empty}>{t('inline.empty')}</span> : props.display}
          </span>
          <IconPencil size={14} className={classes.pencil} />
        </UnstyledButton>
      )}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string | null;
  readOnly?: boolean;
  type?: 'text' | 'email' | 'url' | 'tel';
  display?: ReactNode;
  onSave: (value: string) => Promise<void>;
};

export function InlineTextField({ label, value, readOnly, type = 'text', display, onSave }: TextFieldProps) {
  return (
    <InlineField<string>
      label={label}
      value={value ?? ''}
      display={display ?? value}
      isEmpty={!value}
      readOnly={readOnly}
      onSave={onSave}
      renderEditor={(p) => (
        <TextInput
          autoFocus
          size="sm"
          type={type}
          aria-label={p.label}
          value={p.value}
          error={p.error}
          onChange={(e) => p.onChange(e.currentTarget.value)}
          onKeyDown={p.onKeyDown}
          onBlur={() => p.commit()}
        />
      )}
    />
  );
}

type SelectFieldProps = {
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  readOnly?: boolean;
  clearable?: boolean;
  onSave: (value: string | null) => Promise<void>;
};

export function InlineSelectField({ label, value, options, readOnly, clearable, onSave }: SelectFieldProps) {
  const shown = options.find((o) => o.value === value)?.label ?? value;
  return (
    <InlineField<string | null>
      label={label}
      value={value}
      display={shown}
      isEmpty={!value}
      readOnly={readOnly}
      onSave={onSave}
      renderEditor={(p) => (
        <Select
          autoFocus
          size="sm"
          aria-label={p.label}
          data={options}
          value={p.value}
          error={p.error}
          clearable={clearable}
          searchable={options.length > 8}
          defaultDropdownOpened
          onChange={(v) => p.commit(v)}
          onKeyDown={p.onKeyDown}
          onBlur={() => p.cancel()}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    />
  );
}

type NumberFieldProps = {
  label: string;
  value: number | null;
  readOnly?: boolean;
  min?: number;
  max?: number;
  /** Saves a whole number, or null when the input is emptied. */
  onSave: (value: number | null) => Promise<void>;
};

/** A whole number edited in place; an empty input clears it. */
export function InlineNumberField({ label, value, readOnly, min, max, onSave }: NumberFieldProps) {
  const { t } = useTranslation();
  return (
    <InlineField<string>
      label={label}
      value={value === null ? '' : String(value)}
      display={value}
      isEmpty={value === null}
      readOnly={readOnly}
      onSave={(v) => {
        const text = v.trim();
        if (text === '') return onSave(null);
        const n = Number(text);
        if (!Number.isInteger(n)) return Promise.reject(new Error(t('validation.wholeNumber')));
        return onSave(n);
      }}
      renderEditor={(p) => (
        <TextInput
          autoFocus
          size="sm"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          aria-label={p.label}
          value={p.value}
          error={p.error}
          onChange={(e) => p.onChange(e.currentTarget.value)}
          onKeyDown={p.onKeyDown}
          onBlur={() => p.commit()}
        />
      )}
    />
  );
}
