import { Module } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller';
import { KeyRingService } from './key-ring.service';
import { KeysAdminController } from './keys-admin.controller';

@Module({
  controllers: [DiscoveryController, KeysAdminController],
  providers: [KeyRingService],
  exports: [KeyRingService],
})
export class KeysModule {}
