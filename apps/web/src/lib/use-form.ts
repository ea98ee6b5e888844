import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from './errors.ts';

type Options = {
  /**
   * Where an error without per-field details goes: the name of a field to show it under, or
   * (when unset) a notification.
   */
  fallbackField?: string;
  /** Maps schema/API paths (e.g. `emails.0.address`) onto the form's inputs. */
  mapPaths?: (messages: FieldMessages) => FieldMessages;
};

const identity = (m: FieldMessages) => m;

/**
 * Per-field messages of a form: from the domain schema before sending, and from the server's
 * problem+json `errors[]` afterwards, in one place.
 */
export function useFormErrors({ fallbackField, mapPaths = identity }: Options = {}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldMessages>({});
  return {
    errors,
    setErrors,
    /** Hides the message of one field, e.g. when its value changes. */
    clear: (key: string) => setErrors((e) => ({ ...e, [key]: '' })),
    reset: () => setErrors({}),
    /** The schema's messages for a value, mapped onto the form (empty when the value is valid). */
    check: (schema: z.ZodType, value: unknown): FieldMessages => {
      const parsed = schema.safeParse(value);
      return parsed.success ? {} : mapPaths(zodFieldErrors(parsed.error, t));
    },
    /** Parses with the schema; on failure shows the messages and returns null. */
    parse: <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      setErrors(mapPaths(zodFieldErrors(parsed.error, t)));
      return null;
    },
    /** Shows a failed request's messages on their fields, else under the fallback field or as a notification. */
    showServerError: (err: unknown) => {
      const fieldErrors = mapPaths(apiFieldErrors(err));
      if (Object.keys(fieldErrors).length) return setErrors(fieldErrors);
      if (fallbackField) return setErrors({ [fallbackField]: errorMessage(err, t) });
      setErrors({});
      notifications.show({ color: 'red', message: errorMessage(err, t) });
    },
  };
}

/** Values of a form plus their messages; changing a value hides its message. */
export function useForm<V extends Record<string, unknown>>(initial: V, options: Options = {}) {
  const [values, setValues] = useState(initial);
  const messages = useFormErrors(options);
  const { clear } = messages;
  return {
    ...messages,
    values,
    set: <K extends keyof V & string>(key: K, value: V[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      clear(key);
    },
    /** Back to the initial values, without messages. */
    reset: () => {
      setValues(initial);
      messages.reset();
    },
  };
}

export type Form<V extends Record<string, unknown>> = ReturnType<typeof useForm<V>>;
