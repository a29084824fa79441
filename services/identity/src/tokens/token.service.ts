import { Injectable, Logger } from '@nestjs/common';
import { normalizeChinesePhone } from '@legal/domain';
import { CitizenAccountService } from '../citizens/citizen-account.service';
import { OtpService } from '../citizens/otp.service';
import { invalidClient, invalidGrant } from '../oauth/oauth-errors';
import { PartnerClientService } from '../partners/partner-client.service';
import { StaffUser } from '../staff/entities/staff-user.entity';
import { StaffService } from '../staff/staff.service';
import { AccessClaims, AccessTokenSigner } from './access-token.signer';
import { TokenRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { RefreshSubject, RefreshTokenService } from './refresh-token.service';

export interface ClientCredentials {
  clientId: string;
  secret: string;
}

function staffClaims(user: StaffUser): AccessClaims {
  return { subject: user.id, roles: user.roles, organisationId: user.organisationId, regionCode: user.regionCode };
}

/** The token endpoint's grants: password (staff), OTP (citizens), client credentials (partners), refresh. */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);

  constructor(
    private readonly signer: AccessTokenSigner,
    private readonly refreshTokens: RefreshTokenService,
    private readonly staff: StaffService,
    private readonly otp: OtpService,
    private readonly citizens: CitizenAccountService,
    private readonly partners: PartnerClientService,
  ) {}

  async exchange(request: TokenRequestDto, basic: ClientCredentials | undefined): Promise<TokenResponseDto> {
    switch (request.grant_type) {
      case 'password': {
        const user = await this.staff.authenticate(request.username ?? '', request.password ?? '');
        this.logger.log({ staffId: user.id }, 'staff signed in');
        return this.withRefresh(staffClaims(user), { kind: 'staff', id: user.id });
      }
      case 'otp':
      case 'urn:legal:grant-type:otp': {
        const phone = normalizeChinesePhone(request.phone) ?? '';
        await this.otp.verify(phone, request.code ?? '');
        const citizen = await this.citizens.signedIn(phone);
        this.logger.log({ citizenId: citizen.id }, 'citizen signed in');
        return this.withRefresh(
          { subject: citizen.id, roles: ['citizen'], phone: citizen.phone },
          { kind: 'citizen', id: citizen.id },
        );
      }
      case 'client_credentials': {
        const credentials = this.clientCredentials(request, basic);
        const client = await this.partners.authenticate(credentials.clientId, credentials.secret);
        const access = await this.signer.sign({
          subject: client.clientId,
          roles: ['partner'],
          clientId: client.clientId,
          organisationId: client.organisationId ?? undefined,
          regionCode: client.regionCode ?? undefined,
        });
        this.logger.log({ clientId: client.clientId }, 'partner token issued');
        return { access_token: access.token, token_type: 'Bearer', expires_in: access.expiresIn };
      }
      case 'refresh_token':
        return this.refresh(request.refresh_token ?? '');
    }
  }

  async revoke(token: string): Promise<void> {
    await this.refreshTokens.revoke(token);
  }

  private async refresh(token: string): Promise<TokenResponseDto> {
    const { subject, next } = await this.refreshTokens.rotate(token);
    const claims = await this.currentClaims(subject);
    if (!claims) {
      await this.refreshTokens.revokeFamily(next.familyId, 'account-disabled');
      throw invalidGrant('The account can no longer sign in');
    }
    const access = await this.signer.sign(claims);
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      refresh_token: next.token,
    };
  }

  /** Claims are read afresh at every refresh: role changes and disabled accounts take effect. */
  private async currentClaims(subject: RefreshSubject): Promise<AccessClaims | undefined> {
    if (subject.kind === 'staff') {
      const user = await this.staff.findActive(subject.id);
      return user ? staffClaims(user) : undefined;
    }
    const citizen = await this.citizens.find(subject.id);
    return citizen ? { subject: citizen.id, roles: ['citizen'], phone: citizen.phone } : undefined;
  }

  private async withRefresh(claims: AccessClaims, subject: RefreshSubject): Promise<TokenResponseDto> {
    const access = await this.signer.sign(claims);
    const refresh = await this.refreshTokens.issue(subject);
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      refresh_token: refresh.token,
    };
  }

  private clientCredentials(request: TokenRequestDto, basic: ClientCredentials | undefined): ClientCredentials {
    const inBody = request.client_id !== undefined || request.client_secret !== undefined;
    if (basic && inBody) throw invalidClient('Authenticate the client either with HTTP Basic or in the body, not both');
    if (basic) return basic;
    if (request.client_id && request.client_secret)
      return { clientId: request.client_id, secret: request.client_secret };
    throw invalidClient('Client credentials are required');
  }
}
