import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller';
import { CommitteesService } from './committees.service';

@Module({ controllers: [CommitteesController], providers: [CommitteesService], exports: [CommitteesService] })
export class CommitteesModule {}
