import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KeysModule } from '../keys/keys.module';
import { PartnersModule } from '../partners/partners.module';
import { StaffModule } from '../staff/staff.module';
import { AccessTokenSigner } from './access-token.signer';
import { RefreshToken } from './entities/refresh-token.entity';
import { RefreshTokenService } from './refresh-token.service';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';
import { UserinfoController } from './userinfo.controller';

@Module({})
export class TokensModule {
  static forRoot(citizens: DynamicModule): DynamicModule {
    return {
      module: TokensModule,
      imports: [TypeOrmModule.forFeature([RefreshToken]), KeysModule, StaffModule, PartnersModule, citizens],
      controllers: [TokenController, UserinfoController],
      providers: [AccessTokenSigner, RefreshTokenService, TokenService],
    };
  }
}
