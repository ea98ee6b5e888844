import type { LostReasonRow, PipelineRow, StageRow } from './pipelines.repository.ts';

export function presentStage(s: StageRow) {
  return { id: s.id, name: s.name, kind: s.kind, probability: s.probability, position: s.position };
}
export type StageView = ReturnType<typeof presentStage>;

export function presentPipeline(p: PipelineRow, stages: StageRow[]) {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    isDefault: p.isDefault,
    stages: stages.map(presentStage),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
export type PipelineView = ReturnType<typeof presentPipeline>;

export function presentLostReason(r: LostReasonRow) {
  return {
    id: r.id,
    label: r.label,
    position: r.position,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type LostReasonView = ReturnType<typeof presentLostReason>;
