import { ApiProperty } from '@nestjs/swagger';

export class Open311ServiceDto {
  @ApiProperty({ description: 'Service code', example: 'legal-aid' })
  service_code!: string;

  @ApiProperty({ description: 'Name', example: '法律援助' })
  service_name!: string;

  @ApiProperty({ description: 'Description', example: '法律援助 (Legal aid (civil and administrative))' })
  description!: string;

  @ApiProperty({ description: 'Whether the service has extra attributes (never)', example: false })
  metadata!: boolean;

  @ApiProperty({ description: 'Always realtime', example: 'realtime' })
  type!: string;

  @ApiProperty({ description: 'Comma-separated keywords', example: 'legal-aid,法律援助,Legal aid' })
  keywords!: string;

  @ApiProperty({ description: 'Group', example: 'legal-aid' })
  group!: string;
}

export class Open311CreatedDto {
  @ApiProperty({
    description: 'Id to query with GET requests/{id}.json',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  service_request_id!: string;

  @ApiProperty({
    description: 'The same id, for clients that poll by token',
    example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01',
  })
  token!: string;

  @ApiProperty({
    description: 'What happens next',
    example: 'Received. A case code (一案一码) follows in service_notice of GET requests/{id}.json.',
  })
  service_notice!: string;
}

/** GeoReport v2 service request (GET requests.json and requests/{id}.json): every field of the spec, null when unknown. */
export class Open311RequestDto {
  @ApiProperty({ description: 'Id', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  service_request_id!: string;

  @ApiProperty({ description: 'open or closed', enum: ['open', 'closed'], example: 'open' })
  status!: 'open' | 'closed';

  @ApiProperty({
    description: 'Plain-language status',
    example: 'Your legal-aid application is being reviewed; a decision is due by 5 December.',
  })
  status_notes!: string;

  @ApiProperty({ description: 'Service name', example: '法律援助' })
  service_name!: string;

  @ApiProperty({ description: 'Service code', example: 'legal-aid' })
  service_code!: string;

  @ApiProperty({
    description: 'Description given (null in the public list: it may name people)',
    example: '老板拖欠工资三万元',
    nullable: true,
    type: String,
  })
  description!: string | null;

  @ApiProperty({ description: 'Organisation handling it', example: '兰陵县法律援助中心', nullable: true, type: String })
  agency_responsible!: string | null;

  @ApiProperty({
    description: 'Case code (一案一码) once assigned',
    example: 'Case code 371324-20261128-000001-7',
    nullable: true,
    type: String,
  })
  service_notice!: string | null;

  @ApiProperty({ description: 'Submitted at (Asia/Shanghai, with offset)', example: '2026-11-28T10:15:00+08:00' })
  requested_datetime!: string;

  @ApiProperty({ description: 'Last change (Asia/Shanghai, with offset)', example: '2026-11-28T10:20:00+08:00' })
  updated_datetime!: string;

  @ApiProperty({
    description: 'When the next step is due',
    example: '2026-12-05T23:59:59+08:00',
    nullable: true,
    type: String,
  })
  expected_datetime!: string | null;

  @ApiProperty({
    description: 'Never published (personal data): always null',
    example: null,
    nullable: true,
    type: String,
  })
  address!: string | null;

  @ApiProperty({ description: 'Never published: always null', example: null, nullable: true, type: String })
  address_id!: string | null;

  @ApiProperty({ description: 'Not collected: always null', example: null, nullable: true, type: String })
  zipcode!: string | null;

  @ApiProperty({
    description: 'Latitude as submitted (the public list rounds it to 0.01°)',
    example: 34.86,
    nullable: true,
    type: Number,
  })
  lat!: number | null;

  @ApiProperty({
    description: 'Longitude as submitted (the public list rounds it to 0.01°)',
    example: 118.05,
    nullable: true,
    type: Number,
  })
  long!: number | null;

  @ApiProperty({
    description: 'Kept inside the description, never published separately: always null',
    example: null,
    nullable: true,
    type: String,
  })
  media_url!: string | null;
}

/** GeoReport v2 GET tokens/{token}.json. */
export class Open311TokenDto {
  @ApiProperty({ description: 'The request the token stands for', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  service_request_id!: string;

  @ApiProperty({ description: 'The token', example: '0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01' })
  token!: string;
}

export class Open311AttributeDto {
  @ApiProperty({ description: 'Whether the client shows it as an input', example: true })
  variable!: boolean;

  @ApiProperty({ description: 'Attribute code', example: 'urgency' })
  code!: string;

  @ApiProperty({
    description: 'string, number, datetime, text, singlevaluelist or multivaluelist',
    example: 'singlevaluelist',
  })
  datatype!: string;

  @ApiProperty({ description: 'Whether it is required', example: false })
  required!: boolean;

  @ApiProperty({ description: 'Hint for the datatype', example: null, nullable: true, type: String })
  datatype_description!: string | null;

  @ApiProperty({ description: 'Display order', example: 1 })
  order!: number;

  @ApiProperty({ description: 'Question shown to the citizen', example: 'How urgent is it?' })
  description!: string;
}

/** GeoReport v2 GET services/{service_code}.json: the service definition. */
export class Open311ServiceDefinitionDto {
  @ApiProperty({ description: 'Service code', example: 'legal-aid' })
  service_code!: string;

  @ApiProperty({
    description: 'Extra attributes (none: metadata is false for every service)',
    type: [Open311AttributeDto],
    example: [],
  })
  attributes!: Open311AttributeDto[];
}

/** GeoReport v2 error: one per problem, `code` is the HTTP status. */
export class Open311ErrorDto {
  @ApiProperty({ description: 'HTTP status', example: 404 })
  code!: number;

  @ApiProperty({
    description: 'What went wrong',
    example: 'Service request 0f7c1e0a-3c53-4f7e-9a77-6b1f1a1d2c01 not found',
  })
  description!: string;
}
