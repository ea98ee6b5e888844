import type { ScoreReason } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { useLeadScoring } from './leads-api.ts';

/**
 * A score reason in the reader's language, from the rule that gave it ("Country is SE"); the
 * server's English wording when the rule has changed or is gone since the lead was scored.
 */
export function useReasonLabel(): (r: ScoreReason) => string {
  const { t } = useTranslation();
  const scoring = useLeadScoring();
  const rules = scoring.data?.rules;
  return (r) => {
    const a = rules?.attributeRules.find((x) => x.id === r.ruleId);
    if (a && a.points === r.points) {
      if (a.label) return a.label;
      const value = a.value == null ? '' : ` ${Array.isArray(a.value) ? a.value.join(', ') : a.value}`;
      return `${t(`leads.scoring.fields.${a.field}`)} ${t(`leads.scoring.ops.${a.op}`)}${value}`;
    }
    const b = rules?.behaviourRules.find((x) => x.id === r.ruleId);
    const times = b?.points ? r.points / b.points : 0;
    if (b && Number.isInteger(times) && times >= 1 && times <= b.maxOccurrences) {
      const name = b.label || t(`leads.scoring.events.${b.event}`);
      return times > 1 ? `${name} ×${times}` : name;
    }
    return r.rule;
  };
}
