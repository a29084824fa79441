import { DynamicModule, Module } from '@nestjs/common';
import { HandlerKitModule } from '@legal/handler-kit';
import { ApplicationsModule } from './applications/applications.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CertificatesModule } from './certificates/certificates.module';
import type { NotarizationEnv } from './config/notarization.env';
import { MaterialsModule } from './materials/materials.module';
import { notarizationHandler } from './offers/notarization-offers';
import { OfficesModule } from './offices/offices.module';
import { ReviewModule } from './review/review.module';

/** The notarization service's own domain modules. */
@Module({})
export class NotarizationModule {
  static forRoot(_env: NotarizationEnv): DynamicModule {
    return {
      module: NotarizationModule,
      imports: [
        HandlerKitModule.forHandler(notarizationHandler),
        CatalogueModule,
        OfficesModule,
        ApplicationsModule,
        MaterialsModule,
        ReviewModule,
        CertificatesModule,
      ],
    };
  }
}
