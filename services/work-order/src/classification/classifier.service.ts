import { Injectable } from '@nestjs/common';
import { DEFAULT_CLASSIFICATION_MODEL } from './classification-model';
import { Classifier, ClassificationResult } from './classifier';

/** The service's classifier over the model in classification-model.json (segmenter loaded once). */
@Injectable()
export class ClassifierService {
  private readonly classifier = new Classifier(DEFAULT_CLASSIFICATION_MODEL);

  classify(text: string): ClassificationResult {
    return this.classifier.classify(text);
  }

  /** The distinct jieba words of a text (search mode), e.g. to compare two descriptions. */
  words(text: string): string[] {
    return this.classifier.words(text);
  }

  /** classify() over the words of words(text), so a caller that needs both segments the text once. */
  classifyWords(words: readonly string[]): ClassificationResult {
    return this.classifier.classifyWords(words);
  }

  topicTags(text: string): string[] {
    return this.classifier.topicTagsOf(this.classifier.words(text));
  }

  topicTagsOf(words: readonly string[]): string[] {
    return this.classifier.topicTagsOf(words);
  }
}
