import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@legal/auth';
import { KeyRotationResponseDto, SigningKeyResponseDto } from './dto/signing-key-response.dto';
import { KeyRingService } from './key-ring.service';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

@ApiTags('admin')
@Roles('admin')
@Controller('admin/keys')
export class KeysAdminController {
  constructor(private readonly keys: KeyRingService) {}

  @Get()
  @ApiOperation({ summary: 'Signing keys and their life-cycle state (no private material)' })
  @ApiOkResponse({ type: [SigningKeyResponseDto] })
  async list(): Promise<SigningKeyResponseDto[]> {
    const keys = await this.keys.listKeys();
    return keys.map((k) => ({
      kid: k.kid,
      status: k.status,
      createdAt: k.createdAt.toISOString(),
      activatedAt: iso(k.activatedAt),
      retiredAt: iso(k.retiredAt),
      publishUntil: iso(k.publishUntil),
    }));
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Rotate: the pre-published next key signs from now on; the old key stays published until its tokens expire',
  })
  @ApiOkResponse({ type: KeyRotationResponseDto })
  async rotate(): Promise<KeyRotationResponseDto> {
    const result = await this.keys.rotate();
    return { activeKid: result.activeKid, nextKid: result.nextKid, retiredKid: result.retiredKid ?? null };
  }
}
