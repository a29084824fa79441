import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import type { ServiceType } from '@legal/contracts';
import type { ClassificationModel } from './classification-model';

export interface ClassificationResult {
  /** Best type, or undefined when no keyword matched at all. */
  serviceType: ServiceType | undefined;
  /** 0..1: the top type's share of all evidence, damped while the evidence is thin. */
  confidence: number;
  ranking: { serviceType: ServiceType; score: number }[];
  evidence: { word: string; serviceType: ServiceType; weight: number }[];
  topicTags: string[];
  modelVersion: string;
}

/**
 * jieba's own dictionary (dict.txt of @node-rs/jieba), read for the segmenter and then left to the garbage
 * collector. Not `@node-rs/jieba/dict`: that module also reads idf.txt (keyword extraction, unused here) and,
 * being cached by require, keeps both files' bytes in memory for the life of the process: 10.8 MiB of RSS.
 * The segmenter copies what it needs into its own (native) tables, so the words are the same either way.
 */
export function readJiebaDictionary(): Buffer {
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
}

/**
 * Infers the service type of a free-text request: segment with jieba (search mode, HMM off so results
 * are stable), count each distinct word once, add the model's weights per type.
 */
export class Classifier {
  private readonly jieba: Jieba;

  constructor(private readonly model: ClassificationModel) {
    this.jieba = Jieba.withDict(readJiebaDictionary());
    if (model.userWords.length > 0)
      this.jieba.loadDict(Buffer.from(model.userWords.map((w) => `${w} 100000 n`).join('\n'), 'utf8'));
  }

  get modelVersion(): string {
    return this.model.version;
  }

  words(text: string): string[] {
    return [
      ...new Set(
        this.jieba
          .cutForSearch(text, false)
          .map((w) => w.trim())
          .filter((w) => w.length > 0),
      ),
    ];
  }

  classify(text: string): ClassificationResult {
    return this.classifyWords(this.words(text));
  }

  /** classify() over words already segmented by words(): an intake segments its text once for every use. */
  classifyWords(words: readonly string[]): ClassificationResult {
    const scores = new Map<ServiceType, number>();
    const evidence: ClassificationResult['evidence'] = [];
    for (const [type, weights] of Object.entries(this.model.serviceTypes) as [ServiceType, Record<string, number>][]) {
      for (const word of words) {
        const weight = weights[word];
        if (weight === undefined) continue;
        scores.set(type, (scores.get(type) ?? 0) + weight);
        evidence.push({ word, serviceType: type, weight });
      }
    }
    const ranking = [...scores.entries()]
      .map(([serviceType, score]) => ({ serviceType, score }))
      .sort((a, b) => b.score - a.score || a.serviceType.localeCompare(b.serviceType));
    const total = ranking.reduce((sum, r) => sum + r.score, 0);
    const top = ranking[0];
    const confidence = top
      ? Math.round((top.score / total) * Math.min(1, top.score / this.model.saturationScore) * 1000) / 1000
      : 0;
    const topicTags = this.topicTagsOf(words);
    return {
      serviceType: top?.serviceType,
      confidence,
      ranking,
      evidence,
      topicTags,
      modelVersion: this.model.version,
    };
  }

  /** The model's topic tags any of whose words occur among `words`, sorted. */
  topicTagsOf(words: readonly string[]): string[] {
    const present = new Set(words);
    return Object.entries(this.model.topicTags)
      .filter(([, tagWords]) => tagWords.some((w) => present.has(w)))
      .map(([tag]) => tag)
      .sort();
  }
}
