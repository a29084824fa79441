import { Module } from '@nestjs/common';
import { ClassifierService } from './classifier.service';

/** Service-type inference from Chinese free text (jieba + keyword weights in data). */
@Module({ providers: [ClassifierService], exports: [ClassifierService] })
export class ClassificationModule {}
