import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './respond.module.css';

/**
 * Native radio buttons drawn as large touch targets: the input covers its tile (transparent),
 * so arrow keys, screen readers and form semantics work as for any radio group.
 */
function ScoreTile({
  name,
  n,
  checked,
  onChange,
  label,
  className,
  on,
  text,
}: {
  name: string;
  n: number;
  checked: boolean;
  onChange: (v: number) => void;
  label?: string;
  className: string | undefined;
  on?: boolean;
  text: string;
}) {
  return (
    <label className={className} data-checked={checked} data-on={on}>
      <input
        type="radio"
        className={classes.radio}
        name={name}
        value={n}
        checked={checked}
        aria-label={label}
        onChange={() => onChange(n)}
      />
      <span aria-hidden={label ? true : undefined}>{text}</span>
    </label>
  );
}

const zeroToTen = Array.from({ length: 11 }, (_, i) => i);
const oneToFive = [1, 2, 3, 4, 5];

/** 0–10 as large buttons in two rows on a phone (0–5, 6–10) and one row on wider screens. */
export function NpsScale({ value, onChange }: { value: number | undefined; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div>
      <div className={classes.scale}>
        {zeroToTen.map((n) => (
          <ScoreTile
            key={n}
            name={name}
            n={n}
            text={String(n)}
            checked={value === n}
            onChange={onChange}
            className={classes.score}
          />
        ))}
      </div>
      <div className={classes.ends} aria-hidden>
        <span>0 · {t('respond.npsLow')}</span>
        <span>{t('respond.npsHigh')} · 10</span>
      </div>
    </div>
  );
}

/** 1–5 stars, each a large target named "3 of 5 stars". */
export function RatingStars({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <div className={classes.stars}>
      {oneToFive.map((n) => (
        <ScoreTile
          key={n}
          name={name}
          n={n}
          text="★"
          label={t('respond.stars', { n, max: 5 })}
          checked={value === n}
          on={value !== undefined && n <= value}
          onChange={onChange}
          className={classes.star}
        />
      ))}
    </div>
  );
}
