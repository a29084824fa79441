import { SERVICE_TYPES, ServiceType } from '@legal/contracts';
import modelJson from './classification-model.json';

/** The keyword/weight model, kept as data in classification-model.json. */
export interface ClassificationModel {
  version: string;
  /** Score at which the top type counts as fully supported (confidence saturates). */
  saturationScore: number;
  /** Domain words added to the segmenter's dictionary so they are not split. */
  userWords: string[];
  serviceTypes: Partial<Record<ServiceType, Record<string, number>>>;
  topicTags: Record<string, string[]>;
}

/** Checks the model's shape at load time, so a bad edit fails at start-up rather than mid-request. */
export function parseClassificationModel(raw: unknown): ClassificationModel {
  const fail = (why: string): never => {
    throw new Error(`classification model is invalid: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const m = raw as Record<string, unknown>;
  if (typeof m.version !== 'string' || m.version === '') fail('version must be a string');
  if (typeof m.saturationScore !== 'number' || m.saturationScore <= 0)
    fail('saturationScore must be a positive number');
  if (!Array.isArray(m.userWords) || !m.userWords.every((w) => typeof w === 'string'))
    fail('userWords must be strings');
  const types = m.serviceTypes as Record<string, unknown>;
  if (typeof types !== 'object' || types === null) fail('serviceTypes must be an object');
  for (const [type, weights] of Object.entries(types)) {
    if (!(SERVICE_TYPES as readonly string[]).includes(type)) fail(`unknown service type ${type}`);
    if (
      typeof weights !== 'object' ||
      weights === null ||
      !Object.values(weights).every((w) => typeof w === 'number' && w > 0)
    )
      fail(`weights of ${type} must be positive numbers`);
  }
  const tags = m.topicTags as Record<string, unknown>;
  if (
    typeof tags !== 'object' ||
    tags === null ||
    !Object.values(tags).every((l) => Array.isArray(l) && l.every((w) => typeof w === 'string'))
  ) {
    fail('topicTags must map tags to word lists');
  }
  return raw as ClassificationModel;
}

export const DEFAULT_CLASSIFICATION_MODEL: ClassificationModel = parseClassificationModel(modelJson);
