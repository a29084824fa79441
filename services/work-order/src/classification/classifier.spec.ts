import { DEFAULT_CLASSIFICATION_MODEL, parseClassificationModel } from './classification-model';
import { Classifier } from './classifier';

describe('Classifier (jieba + keyword weights from classification-model.json)', () => {
  const classifier = new Classifier(DEFAULT_CLASSIFICATION_MODEL);

  it('classifies a wage-arrears (讨薪) story as legal aid with enough confidence, tagged labour-dispute', () => {
    const result = classifier.classify('在工地干了半年活，老板拖欠工资三万元不给，我想讨薪');
    expect(result.serviceType).toBe('legal-aid');
    expect(result.confidence).toBeGreaterThanOrEqual(0.6);
    expect(result.topicTags).toContain('labour-dispute');
    expect(result.evidence.map((e) => e.word)).toEqual(expect.arrayContaining(['讨薪', '拖欠工资']));
  });

  it('classifies notarization and mediation requests by their keywords', () => {
    expect(classifier.classify('我想办理出生公证和学历公证，出国留学用').serviceType).toBe('notarization');
    expect(classifier.classify('邻居家漏水和我们发生纠纷，想请调委会调解').serviceType).toBe('mediation');
  });

  it('gives low confidence when the text says nearly nothing about the service, and none without keywords', () => {
    const weak = classifier.classify('家里有个纠纷');
    expect(weak.confidence).toBeLessThan(0.6);
    const none = classifier.classify('今天天气很好');
    expect(none.serviceType).toBeUndefined();
    expect(none.confidence).toBe(0);
  });

  it('lowers confidence when the evidence is split between types', () => {
    const clear = classifier.classify('邻里纠纷请调委会调解');
    const split = classifier.classify('邻里纠纷请调委会调解，还想办理公证');
    expect(split.confidence).toBeLessThan(clear.confidence);
  });

  it('gives the same result from words segmented once as from the text (an intake segments its text once)', () => {
    const text = '邻居家漏水和我们发生纠纷，想请调委会调解，还有拖欠工资的事';
    const words = classifier.words(text);
    expect(classifier.classifyWords(words)).toEqual(classifier.classify(text));
    expect(classifier.topicTagsOf(words)).toEqual(classifier.classify(text).topicTags);
  });

  it('rejects a model with an unknown service type', () => {
    expect(() =>
      parseClassificationModel({ ...DEFAULT_CLASSIFICATION_MODEL, serviceTypes: { 'fortune-telling': { 算命: 5 } } }),
    ).toThrow(/unknown service type/);
  });
});
