import { Application } from './applications/entities/application.entity';
import { MatterMaterial } from './catalogue/entities/matter-material.entity';
import { Matter } from './catalogue/entities/matter.entity';
import { CertificateCounter } from './certificates/entities/certificate-counter.entity';
import { ApplicationHistory } from './history/entities/application-history.entity';
import { ApplicationMaterial } from './materials/entities/application-material.entity';
import { MaterialNotice } from './materials/entities/material-notice.entity';
import { NotaryOffice } from './offices/entities/notary-office.entity';
import { Offer } from '@legal/handler-kit';

/** Every table of the notarization schema. */
export const NotarizationEntities = [
  Offer,
  Matter,
  MatterMaterial,
  NotaryOffice,
  CertificateCounter,
  Application,
  ApplicationMaterial,
  MaterialNotice,
  ApplicationHistory,
];
